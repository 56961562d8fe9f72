-- Keys of the Akismet-compatible API, stored as SHA-256 hashes (a key is 128 random bits, so a fast hash is
-- enough); the prefix lets staff tell keys apart without seeing them.
CREATE TABLE akismet_key (
    id              ${id_column},
    key_hash        TEXT    NOT NULL UNIQUE,
    key_prefix      TEXT    NOT NULL,
    site_url        TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    revoked_at      BIGINT,
    checks          BIGINT  NOT NULL DEFAULT 0,
    spam            BIGINT  NOT NULL DEFAULT 0,
    ham             BIGINT  NOT NULL DEFAULT 0,
    missed_spam     BIGINT  NOT NULL DEFAULT 0,
    false_positives BIGINT  NOT NULL DEFAULT 0
);

-- What a check received, kept only so that later feedback (by guid) can teach the shield; deleted after the
-- retention period.
CREATE TABLE akismet_check (
    guid       TEXT    PRIMARY KEY,
    key_id     BIGINT  NOT NULL REFERENCES akismet_key (id) ON DELETE CASCADE,
    checked_at BIGINT  NOT NULL,
    spam       INTEGER NOT NULL,
    params     TEXT    NOT NULL
);
CREATE INDEX akismet_check_by_time ON akismet_check (checked_at);
