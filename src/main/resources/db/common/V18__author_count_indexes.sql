-- A reply's history counts (CommentStore.capped) read an address's or a network's replies in one state newest first,
-- as they already read an author's (comment_by_author_time).
DROP INDEX comment_by_ip;
DROP INDEX comment_by_network;
CREATE INDEX comment_by_ip ON comment (ip, state, created_at);
CREATE INDEX comment_by_network ON comment (network, state, created_at);
