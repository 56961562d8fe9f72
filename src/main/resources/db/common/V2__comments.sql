-- A random key per site, made on first start: signs form tokens and cookies, keys avatar hashes.
-- It lives in the database so every node of one site shares it.
CREATE TABLE site_secret (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT    NOT NULL
);

CREATE TABLE comment (
    id               ${id_column},
    article_id       BIGINT  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    parent_id        BIGINT  REFERENCES comment (id) ON DELETE SET NULL,
    depth            INTEGER NOT NULL DEFAULT 0,
    author_name      TEXT    NOT NULL,
    author_email     TEXT    NOT NULL,
    author_url       TEXT    NOT NULL DEFAULT '',
    body_markdown    TEXT    NOT NULL,
    body_html        TEXT    NOT NULL,
    content_hash     TEXT    NOT NULL DEFAULT '',
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'spam', 'trash')),
    ip               TEXT    NOT NULL DEFAULT '',
    network          TEXT    NOT NULL DEFAULT '',
    user_agent       TEXT    NOT NULL DEFAULT '',
    referrer         TEXT    NOT NULL DEFAULT '',
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    spam_probability DOUBLE PRECISION NOT NULL DEFAULT 0,
    spam_reasons     TEXT    NOT NULL DEFAULT '',
    erased           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comment_by_article ON comment (article_id, state, created_at);
-- The shield's history: earlier replies by the same email, address and network, per state.
CREATE INDEX comment_by_email ON comment (author_email, state);
CREATE INDEX comment_by_ip ON comment (ip, state);
CREATE INDEX comment_by_network ON comment (network, state);
-- The same text posted again elsewhere is found by its hash, not by comparing whole texts.
CREATE INDEX comment_by_content ON comment (content_hash, created_at);
CREATE INDEX comment_by_state ON comment (state, created_at);

-- Replies the shield discarded are not stored; only how many, per day.
CREATE TABLE comment_discard_count (
    day   TEXT    PRIMARY KEY,
    count INTEGER NOT NULL
);
