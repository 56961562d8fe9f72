-- Mail (issue 16). Every notification is written here in the same transaction as what caused it, and a background
-- job sends it; a row leaves the table once the SMTP server took it, or stays as 'failed' after the last try.
CREATE TABLE mail_outbox (
    id              ${id_column},
    recipient       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    unsubscribe_url TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_until   BIGINT  NOT NULL DEFAULT 0,
    last_error      TEXT    NOT NULL DEFAULT '',
    created_at      BIGINT  NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient);

-- A reader who asked to hear of replies to their reply; confirmed once they followed the mailed link.
CREATE TABLE mail_subscription (
    id           ${id_column},
    comment_id   BIGINT  NOT NULL UNIQUE REFERENCES comment (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL,
    confirmed    INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL,
    confirmed_at BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX mail_subscription_email ON mail_subscription (email);

-- Replies whose parent's author has been told of them: unapproving and approving again tells nobody twice.
CREATE TABLE mail_reply_notice (
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE
);

-- Per staff member: whether held replies are mailed to them, and the digest's state.
CREATE TABLE mail_staff (
    user_id            BIGINT  PRIMARY KEY REFERENCES staff_user (id) ON DELETE CASCADE,
    moderation_notices INTEGER NOT NULL DEFAULT 1,
    last_mail_at       BIGINT  NOT NULL DEFAULT 0,
    held_since_mail    INTEGER NOT NULL DEFAULT 0
);

-- "Forgot password" links by the SHA-256 of their token: single use, short-lived.
CREATE TABLE mail_password_reset (
    token_hash TEXT    PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    expires_at BIGINT  NOT NULL
);
