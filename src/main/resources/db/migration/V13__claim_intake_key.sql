-- The counter's form carries a key of its own: sent twice (a double click, a retry after a
-- timeout), it stands for one claim. Unique per clerk; claims taken in without a key have none.

alter table claim add column intake_key uuid;
create unique index claim_intake_key on claim (submitted_by, intake_key);
