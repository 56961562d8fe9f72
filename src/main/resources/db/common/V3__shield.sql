-- The shield's model: the latest snapshot, and every example learned since (replayed on start).
CREATE TABLE shield_snapshot (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    model            ${bytes} NOT NULL,
    through_sequence BIGINT  NOT NULL,
    saved_at         BIGINT  NOT NULL
);

CREATE TABLE shield_log (
    sequence   ${id_column},
    example    ${bytes} NOT NULL,
    learned_at BIGINT  NOT NULL
);
