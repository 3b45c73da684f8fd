-- Huzhu's own tables, in schema huzhu; Camunda owns public.

create table organiser (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null
);

create table agency (
    id           bigserial primary key,
    code         varchar(32)  not null unique,
    name         varchar(100) not null,
    organiser_id bigint       not null references organiser (id)
);

create table unit (
    id         bigserial primary key,
    code       varchar(32)  not null unique,
    name       varchar(100) not null,
    agency_id  bigint       not null references agency (id),
    created_at timestamptz  not null default now()
);
create index unit_agency on unit (agency_id);

create table member (
    id             bigserial primary key,
    id_number      char(18)     not null unique,
    name           varchar(50)  not null,
    birth_date     date         not null,
    sex            char(1)      not null check (sex in ('M', 'F')),
    unit_id        bigint       not null references unit (id),
    insurance_type varchar(16)  not null check (insurance_type in ('EMPLOYEE', 'RESIDENT')),
    created_at     timestamptz  not null default now()
);
create index member_unit on member (unit_id);

create table scheme (
    code         varchar(32)  primary key,
    name         varchar(100) not null,
    benefit_kind varchar(16)  not null check (benefit_kind in ('EXPENSE', 'LUMP_SUM'))
);

insert into scheme (code, name, benefit_kind) values ('INPATIENT', '住院医疗互助', 'EXPENSE');

create table enrolment (
    id         bigserial primary key,
    member_id  bigint      not null references member (id),
    scheme     varchar(32) not null references scheme (code),
    valid_from date        not null,
    valid_to   date        not null,
    created_at timestamptz not null default now(),
    check (valid_to >= valid_from)
);
create index enrolment_member on enrolment (member_id, scheme, valid_from);

-- A published rule set is never changed; a correction is a new version.
create table rule_set (
    id             bigserial primary key,
    scheme         varchar(32)  not null references scheme (code),
    organiser_id   bigint       not null references organiser (id),
    version        int          not null,
    effective_from date         not null,
    effective_to   date,
    definition     jsonb        not null,
    published_by   varchar(64)  not null,
    published_at   timestamptz  not null,
    reason         varchar(500) not null,
    unique (scheme, organiser_id, version)
);

create table claim (
    id                        bigserial primary key,
    member_id                 bigint        not null references member (id),
    scheme                    varchar(32)   not null references scheme (code),
    agency_id                 bigint        not null references agency (id),
    status                    varchar(32)   not null,
    admission_date            date          not null,
    discharge_date            date          not null,
    hospital                  varchar(200)  not null,
    diagnosis                 varchar(200)  not null,
    expense_total             numeric(14,2) not null,
    policy_scope              numeric(14,2) not null,
    fund_paid                 numeric(14,2) not null,
    critical_illness_paid     numeric(14,2) not null,
    medical_assistance_paid   numeric(14,2) not null,
    bank_name                 varchar(100)  not null,
    bank_account_number       varchar(30)   not null,
    bank_account_name         varchar(50)   not null,
    rule_set_id               bigint references rule_set (id),
    scheme_year               int,
    eligible_amount           numeric(14,2),
    subsidy                   numeric(14,2),
    subsidy_breakdown         jsonb,
    rejection_reason          varchar(500),
    missing_documents         varchar(200),
    submitted_by              varchar(64)   not null,
    submitted_at              timestamptz   not null,
    materials_complete_at     timestamptz,
    paid_at                   timestamptz,
    process_instance_id       varchar(64),
    version                   int           not null default 0
);
create index claim_member_year on claim (member_id, scheme, scheme_year);
create index claim_agency_status on claim (agency_id, status);
create unique index claim_process_instance on claim (process_instance_id);

create table claim_invoice (
    claim_id bigint      not null references claim (id),
    code     varchar(32) not null,
    number   varchar(32) not null,
    primary key (claim_id, code, number)
);

-- An invoice (code + number) pays once: held here by the live claim that uses it,
-- released when that claim is rejected.
create table invoice_holder (
    code     varchar(32) not null,
    number   varchar(32) not null,
    claim_id bigint      not null references claim (id),
    primary key (code, number)
);

create table claim_document (
    claim_id    bigint      not null references claim (id),
    kind        varchar(32) not null,
    received_at timestamptz not null,
    received_by varchar(64) not null,
    primary key (claim_id, kind)
);

create table claim_event (
    id          bigserial primary key,
    claim_id    bigint       not null references claim (id),
    step        varchar(32)  not null,
    actor       varchar(64)  not null,
    occurred_at timestamptz  not null,
    decision    varchar(32),
    reason      varchar(500)
);
create index claim_event_claim on claim_event (claim_id, id);

create table payment (
    id                   bigserial primary key,
    claim_id             bigint        not null unique references claim (id),
    amount               numeric(14,2) not null check (amount >= 0),
    bank_account_masked  varchar(30)   not null,
    paid_at              timestamptz   not null
);

create table notification (
    id         bigserial primary key,
    claim_id   bigint       not null references claim (id),
    member_id  bigint       not null references member (id),
    kind       varchar(32)  not null,
    message    varchar(500) not null,
    created_at timestamptz  not null,
    sent_at    timestamptz
);
-- A member hears the outcome of a claim once, however often the step runs.
create unique index notification_outcome on notification (claim_id, kind) where kind in ('PAID', 'REJECTED');
