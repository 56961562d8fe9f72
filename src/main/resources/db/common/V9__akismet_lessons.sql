-- What each API key's own feedback taught: fingerprints of the texts it reported (a hash of the whole text and a
-- sketch of a few word hashes, never the text) and the label it gave. Applied to that key's checks only: the
-- site's own shield never learns from the API. At most a thousand per key, the most recently reported kept
-- (sequence counts per key); deleted when the key is revoked.
CREATE TABLE akismet_lesson (
    key_id     BIGINT   NOT NULL REFERENCES akismet_key (id) ON DELETE CASCADE,
    exact_hash BIGINT   NOT NULL,
    sketch     ${bytes} NOT NULL,
    spam       INTEGER  NOT NULL,
    reports    BIGINT   NOT NULL DEFAULT 1,
    sequence   BIGINT   NOT NULL,
    PRIMARY KEY (key_id, exact_hash)
);
