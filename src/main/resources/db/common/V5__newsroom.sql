-- Staff who run the site. Passwords are Argon2id hashes; failed sign-ins grow a delay per account.
CREATE TABLE staff_user (
    id            ${id_column},
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'moderator')),
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    last_failed   BIGINT  NOT NULL DEFAULT 0
);

-- Sessions by the SHA-256 of their cookie value, so a copy of the database signs nobody in.
CREATE TABLE staff_session (
    token_hash TEXT    PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);

-- A one-time link that lets the first admin be created from the browser.
CREATE TABLE setup_token (
    token_hash TEXT    PRIMARY KEY,
    expires_at BIGINT  NOT NULL
);

-- Who did what, when: every staff action.
CREATE TABLE activity (
    id         ${id_column},
    user_id    BIGINT,
    user_name  TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    target     TEXT    NOT NULL DEFAULT '',
    at         BIGINT  NOT NULL
);
CREATE INDEX activity_by_time ON activity (at);

-- Settings changed from the newsroom; they override the config file and take effect at once.
CREATE TABLE site_setting (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);

-- Moderator corrections of the shield: what it said, and what the moderator decided.
CREATE TABLE shield_correction (
    id          ${id_column},
    comment_id  BIGINT,
    shield_spam INTEGER NOT NULL,
    staff_spam  INTEGER NOT NULL,
    at          BIGINT  NOT NULL
);
