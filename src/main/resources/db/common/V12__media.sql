-- Pictures uploaded to the site. The id is a hash of the uploaded bytes (the same file is one picture); the
-- variants' files are named from it and the width, and never change. Alt text, caption and credit are what pages
-- show with the picture. The upload itself, with its EXIF and GPS, is never kept.
CREATE TABLE media (
    id         TEXT    PRIMARY KEY,
    alt        TEXT    NOT NULL,
    caption    TEXT    NOT NULL DEFAULT '',
    credit     TEXT    NOT NULL DEFAULT '',
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    extension  TEXT    NOT NULL,
    widths     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX media_newest ON media (created_at);

-- The variants' bytes, when several nodes share them through the database (media.store=database).
CREATE TABLE media_file (
    name    TEXT     PRIMARY KEY,
    content ${bytes} NOT NULL
);

-- The picture at the top of a story, shown with its caption and credit, and given to feeds and social cards.
ALTER TABLE article ADD COLUMN lead_image TEXT;
