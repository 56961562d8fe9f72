-- What identifies a story that came from a feed or another site, so a second import adds nothing.
ALTER TABLE article ADD COLUMN source_guid TEXT;
ALTER TABLE article ADD COLUMN title_key TEXT;
CREATE INDEX article_by_source_guid ON article (source_guid);
CREATE INDEX article_by_source_url ON article (source_url);
CREATE INDEX article_by_title_key ON article (title_key);
