-- Every saved snapshot gets a new version, so a node (or the site beside a command) notices
-- another's snapshot by reading one number, not the model.
ALTER TABLE shield_snapshot ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
