-- Where a staff member's messages (the supervisors' escalations) go when messages leave by SMS:
-- kept by system administrators on the account's page, shown masked.

create table staff_mobile (
    user_id    varchar(64) primary key,
    mobile     varchar(11) not null check (mobile ~ '^1[3-9][0-9]{9}$'),
    changed_by varchar(64) not null,
    changed_at timestamptz not null
);
