-- The shield's model: the latest snapshot, and every example learned since (replayed on start).
CREATE TABLE shield_snapshot (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    model            BLOB    NOT NULL,
    through_sequence BIGINT  NOT NULL,
    saved_at         BIGINT  NOT NULL
);

CREATE TABLE shield_log (
    sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
    example    BLOB    NOT NULL,
    learned_at BIGINT  NOT NULL
);
