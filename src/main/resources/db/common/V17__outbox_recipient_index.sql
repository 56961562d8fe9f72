-- The privacy export and erase find an address's mails by lower(recipient), which an index on recipient does not
-- serve; no other query looks mails up by recipient. Every mail written to the outbox and every one sent (deleted)
-- paid its upkeep inside the writing transaction: on SQLite one more B-tree page in each reply's commit. The outbox
-- holds only mails not yet sent, so the rare export or erase reads it whole.
DROP INDEX mail_outbox_recipient;
