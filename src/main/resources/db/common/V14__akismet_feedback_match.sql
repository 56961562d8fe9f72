-- Feedback without a guid (WordPress's Akismet plugin sends none) is matched to the check it corrects by key and
-- a hash of the comment's own fields (author, email, the reply's kept beginning), within the retention period.
-- feedback holds the last label reported for the check (1 spam, 0 ham), so a report sent twice, or taken back,
-- counts once for the last word. Checks stored before this have neither and are matched by guid only.
ALTER TABLE akismet_check ADD COLUMN match_hash TEXT;
ALTER TABLE akismet_check ADD COLUMN feedback INTEGER;
CREATE INDEX akismet_check_by_match ON akismet_check (key_id, match_hash);
