-- A unit's member list imported for a scheme's period: the same file again for the same unit,
-- scheme and period changes nothing. Rows refused when only the good ones were imported are kept
-- (their line, cells and reason) so that the clerk can download them to correct.

create table enrolment_import (
    id          bigserial    primary key,
    unit_id     bigint       not null references unit (id),
    scheme      varchar(32)  not null references scheme (code),
    valid_from  date         not null,
    valid_to    date         not null,
    file_name   varchar(200) not null,
    file_sha256 char(64)     not null,
    lines       int          not null,
    enrolled    int          not null,
    registered  int          not null,
    refused     jsonb        not null default '[]',
    imported_by varchar(64)  not null,
    imported_at timestamptz  not null,
    unique (unit_id, scheme, valid_from, valid_to, file_sha256)
);
