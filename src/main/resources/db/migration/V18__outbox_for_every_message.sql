-- The outbox becomes the notification module's: any message to a member (with or without a
-- claim, e.g. a sign-in code), each with a key that makes writing it twice a no-op, and the
-- template parameters an SMS provider needs beside the text a person reads.
alter table notification alter column claim_id drop not null;
alter table notification add column dedup_key varchar(120);
update notification set dedup_key = kind || ':' || claim_id where kind in ('PAID', 'REJECTED');
update notification set dedup_key = 'legacy:' || id where dedup_key is null;
alter table notification alter column dedup_key set not null;
alter table notification add constraint notification_dedup_key unique (dedup_key);
drop index notification_outcome;
alter table notification add column params jsonb not null default '{}';
alter table notification alter column message type varchar(1000);
create index notification_member on notification (member_id, id);

-- The mobile number on file, where sign-in codes and messages go; a clerk changes it.
alter table member add column mobile varchar(11) check (mobile ~ '^1[3-9][0-9]{9}$');
