-- Agency feeds the site polls, with what the last poll learned (validators for conditional GET, errors, backoff).
CREATE TABLE feed_source (
    id             ${id_column},
    url            TEXT    NOT NULL UNIQUE,
    outlet         TEXT    NOT NULL DEFAULT '',
    agency         TEXT    NOT NULL DEFAULT '',
    section        TEXT    NOT NULL DEFAULT 'News',
    poll_minutes   INTEGER NOT NULL,
    publish        INTEGER NOT NULL,
    etag           TEXT    NOT NULL DEFAULT '',
    last_modified  TEXT    NOT NULL DEFAULT '',
    next_poll_at   BIGINT  NOT NULL,
    last_polled_at BIGINT  NOT NULL DEFAULT 0,
    failures       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT    NOT NULL DEFAULT '',
    last_added     INTEGER NOT NULL DEFAULT 0
);
