-- Each of these began a longer index on the same columns (comment_by_state_time, comment_by_author_time), which
-- serves every query they served; every reply's insert paid their upkeep (PostgreSQL: about 2.6 µs and 190 bytes of
-- WAL a row, and neither was ever scanned under bench/cluster's load).
DROP INDEX comment_by_state;
DROP INDEX comment_by_email;
