-- What happened to each reply: received, the shield's verdict, every moderator's decision (with who and when),
-- undos and edits. Rows go with their reply: deleted with it (trash purge, spam retention, delete for good,
-- erasure), so the history is kept exactly as long as the reply.
CREATE TABLE reply_event (
    id          ${id_column},
    comment_id  BIGINT  NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    at          BIGINT  NOT NULL,
    kind        TEXT    NOT NULL,
    actor       TEXT    NOT NULL DEFAULT '',
    from_state  TEXT    NOT NULL DEFAULT '',
    to_state    TEXT    NOT NULL DEFAULT '',
    detail      TEXT    NOT NULL DEFAULT '',
    probability DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX reply_event_by_comment ON reply_event (comment_id, id);

-- Replies stored before the history existed start theirs with what the reply itself still tells.
INSERT INTO reply_event (comment_id, at, kind, actor, from_state, to_state, detail)
    SELECT id, created_at, 'received', '', '', '', '' FROM comment;
INSERT INTO reply_event (comment_id, at, kind, actor, from_state, to_state, detail, probability)
    SELECT id, created_at, 'shield', '', '', '', spam_reasons, spam_probability FROM comment
    WHERE spam_probability > 0 OR spam_reasons <> '';

-- The queue's page: one state, newest first, with the id as tie-break (PostgreSQL reads it in index order).
CREATE INDEX comment_by_state_time ON comment (state, created_at, id);
-- One author's replies in a state, newest first: the queue's "replies by this reader".
CREATE INDEX comment_by_author_time ON comment (author_email, state, created_at);
