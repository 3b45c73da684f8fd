-- Auditors' open work, kept by the engine's task listeners so task lists never query the
-- engine's task tables. One row per task, one row per candidate group for the lists.
create table work_item (
    task_id             varchar(64)   primary key,
    claim_id            bigint        not null references claim (id),
    process_instance_id varchar(64)   not null,
    stage               varchar(64)   not null,
    name                varchar(200)  not null,
    assignee            varchar(64),
    created_at          timestamptz   not null,
    due_at              timestamptz,
    urgent              boolean       not null default false,
    agency_code         varchar(32)   not null,
    scheme              varchar(32)   not null,
    member_name         varchar(50)   not null,
    member_id_masked    varchar(18)   not null,
    eligible_amount     numeric(14,2),
    subsidy             numeric(14,2)
);
create index work_item_assignee on work_item (assignee, urgent desc, due_at, created_at);
create index work_item_claim on work_item (claim_id);

-- The list order (urgent first, then nearest deadline, then oldest) per candidate group.
create table work_item_group (
    task_id    varchar(64) not null references work_item (task_id) on delete cascade,
    group_id   varchar(64) not null,
    urgent     boolean     not null default false,
    due_at     timestamptz,
    created_at timestamptz not null,
    primary key (group_id, task_id)
);
create index work_item_group_order on work_item_group (group_id, urgent desc, due_at, created_at, task_id);
create index work_item_group_task on work_item_group (task_id);

-- Who did what outside a claim's own history: assignments, reads of full personal data,
-- changes of users, rules, calendars and deployments.
create table audit_event (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(64)  not null,
    action       varchar(64)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    claim_id     bigint references claim (id),
    reason       varchar(500)
);
create index audit_event_claim on audit_event (claim_id, occurred_at) where claim_id is not null;
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_subject on audit_event (subject_type, subject_id, occurred_at);
