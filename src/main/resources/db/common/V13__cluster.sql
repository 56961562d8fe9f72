-- Token buckets every node draws from (store.Buckets): reply flood limits, sign-in delays, Akismet per-key limits.
CREATE TABLE rate_bucket (
    bucket TEXT             NOT NULL PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    at_ms  BIGINT           NOT NULL,
    took   INTEGER          NOT NULL
);
CREATE INDEX rate_bucket_by_time ON rate_bucket (at_ms);

-- A feed item is imported once, whatever two nodes do at the same moment: the last line of defence behind the
-- jobs' lock. Copies that an older version may have made keep their story but give up the GUID, oldest kept.
UPDATE article SET source_guid = NULL
WHERE source_guid IS NOT NULL AND source_guid <> ''
  AND id NOT IN (SELECT MIN(id) FROM article WHERE source_guid IS NOT NULL AND source_guid <> '' GROUP BY source_guid);
CREATE UNIQUE INDEX article_source_guid_once ON article (source_guid) WHERE source_guid <> '';

-- Failed sign-ins per address and per (account, address), counted for every node (account.SignInFailures).
CREATE TABLE sign_in_failure (
    failure_key TEXT    NOT NULL PRIMARY KEY,
    failures    INTEGER NOT NULL,
    last_ms     BIGINT  NOT NULL
);
