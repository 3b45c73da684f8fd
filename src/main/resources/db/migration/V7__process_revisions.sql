-- Each revision of processes, decisions and forms that a process admin deployed: who, when,
-- why, and which steps it added or removed.
create table process_revision (
    deployment_id varchar(64)  primary key,
    deployed_by   varchar(64)  not null,
    deployed_at   timestamptz  not null,
    comment       varchar(500) not null,
    changes       varchar(4000) not null
);
create index process_revision_time on process_revision (deployed_at desc);
