-- Every saved snapshot gets a new version (1 for the first), so a node (or the site beside a
-- command) notices another's snapshot by reading one number, and saves only over the one it knows.
ALTER TABLE shield_snapshot ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
