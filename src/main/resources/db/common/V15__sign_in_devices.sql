-- Browsers each staff member has signed in from (account.Devices), by the SHA-256 of a random value in a long-lived
-- cookie and the account: a sign-in from a browser not in this list, on an account that has signed in before, may be
-- mailed to the account's owner. Nothing else about the browser is kept.
CREATE TABLE staff_device (
    user_id     BIGINT NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    device_hash TEXT   NOT NULL,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);

-- Per staff member: whether a sign-in from a new browser is mailed to them (on unless they turn it off).
ALTER TABLE mail_staff ADD COLUMN device_notices INTEGER NOT NULL DEFAULT 1;
