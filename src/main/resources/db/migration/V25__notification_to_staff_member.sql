-- A message to a staff group is written once for each of its members with a number on file
-- (staff_user), so that each is delivered and retried on its own; a group with no number on file
-- keeps one row for the mailbox (staff_user null).

alter table notification add column staff_user varchar(64);
