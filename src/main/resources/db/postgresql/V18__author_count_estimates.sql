-- Every reply counts its author's, address's and network's earlier replies (CommentStore.checks), each count stopping
-- at 50. After five executions PostgreSQL runs that statement as a generic plan, made without the values, which takes
-- one author's share of the replies to be one over the number of distinct authors. On a site where a few authors
-- wrote most replies (a young site; every reply from one network behind a proxy) that is half the table or all of
-- it, and the plan counted a new author's replies by walking every reply of the site (35 ms on 30,000 replies,
-- against 0.2 ms). A floor under the distinct count (one value in 200 rows at least, as ANALYZE then records) keeps
-- the guess at a couple of hundred replies: the plan then reads the index on the author, address or network, which
-- costs at most that one author's entries, however many replies the site has.
ALTER TABLE comment ALTER COLUMN author_email SET (n_distinct = -0.005);
ALTER TABLE comment ALTER COLUMN ip SET (n_distinct = -0.005);
ALTER TABLE comment ALTER COLUMN network SET (n_distinct = -0.005);
ANALYZE comment;
