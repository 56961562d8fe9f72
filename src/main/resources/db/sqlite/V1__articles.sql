-- Times are epoch milliseconds (UTC) in both dialects, so the SQL stays the same.
CREATE TABLE article (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    slug            TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL,
    summary         TEXT    NOT NULL DEFAULT '',
    body_markdown   TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    section_slug    TEXT    NOT NULL,
    section_name    TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('draft', 'scheduled', 'published')),
    created_at      BIGINT  NOT NULL,
    published_at    BIGINT,
    updated_at      BIGINT  NOT NULL,
    source_headline TEXT,
    source_outlet   TEXT,
    source_agency   TEXT,
    source_url      TEXT,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX article_by_publication ON article (published_at, id);
CREATE INDEX article_by_section ON article (section_slug, published_at);

CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    slug       TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    PRIMARY KEY (article_id, slug)
);
CREATE INDEX article_tag_by_slug ON article_tag (slug);

-- Search: an FTS5 index over the article table's own columns, kept in step by triggers.
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, summary, body_markdown,
    content = 'article', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts (rowid, title, summary, body_markdown)
    VALUES (new.id, new.title, new.summary, new.body_markdown);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, summary, body_markdown)
    VALUES ('delete', old.id, old.title, old.summary, old.body_markdown);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, summary, body_markdown)
    VALUES ('delete', old.id, old.title, old.summary, old.body_markdown);
    INSERT INTO article_fts (rowid, title, summary, body_markdown)
    VALUES (new.id, new.title, new.summary, new.body_markdown);
END;
