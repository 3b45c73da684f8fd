-- Payment instructions, bank batches, funders' shares and the fund (issue 7).
-- Exactly once rests on these constraints, not on the code being careful: one instruction per
-- claim and attempt, at most one live (not returned) instruction per claim, one confirmed
-- payment per claim (table payment, unique claim_id), each instruction in at most one batch.

create table payment_batch (
    id            bigserial primary key,
    business_date date          not null,
    file_name     varchar(100)  not null unique,
    line_count    int           not null check (line_count > 0),
    total         numeric(14,2) not null check (total > 0),
    status        varchar(16)   not null check (status in ('CREATED', 'SENT')),
    created_at    timestamptz   not null,
    sent_at       timestamptz
);

create table payment_instruction (
    id                  bigserial primary key,
    claim_id            bigint        not null references claim (id),
    attempt             int           not null check (attempt > 0),
    amount              numeric(14,2) not null check (amount > 0),
    bank_name           varchar(100)  not null,
    account_number      varchar(30)   not null,
    account_masked      varchar(30)   not null,
    account_name        varchar(50)   not null,
    status              varchar(16)   not null
        check (status in ('PENDING', 'IN_BATCH', 'SENT', 'CONFIRMED', 'RETURNED')),
    batch_id            bigint        references payment_batch (id),
    return_reason       varchar(200),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    unique (claim_id, attempt),
    check ((status = 'PENDING') = (batch_id is null))
);
create unique index payment_instruction_live on payment_instruction (claim_id) where status <> 'RETURNED';
create index payment_instruction_pending on payment_instruction (id) where status = 'PENDING';
create index payment_instruction_batch on payment_instruction (batch_id);

-- Every move of an instruction, with when and why.
create table payment_instruction_event (
    id             bigserial primary key,
    instruction_id bigint       not null references payment_instruction (id),
    from_status    varchar(16),
    to_status      varchar(16)  not null,
    at             timestamptz  not null,
    cause          varchar(300) not null
);
create index payment_instruction_event_instruction on payment_instruction_event (instruction_id);

-- Who pays how much of an instruction; the shares add up to its amount.
create table payment_funder_share (
    instruction_id bigint        not null references payment_instruction (id),
    funder_code    varchar(50)   not null,
    funder_name    varchar(100)  not null,
    amount         numeric(14,2) not null check (amount >= 0),
    primary key (instruction_id, funder_code)
);

-- Result files already read: reading one again changes nothing.
create table bank_result_file (
    file_name varchar(200) primary key,
    read_at   timestamptz  not null,
    lines     int          not null
);

-- Money into the fund of a scheme year: units' contributions and funders' subsidies.
create table fund_contribution (
    id              bigserial primary key,
    scheme          varchar(40)   not null,
    scheme_year     int           not null,
    unit_code       varchar(50),
    members         int           check (members > 0),
    per_member      numeric(14,2) check (per_member > 0),
    funder_code     varchar(50),
    amount          numeric(14,2) not null check (amount > 0),
    note            varchar(200),
    recorded_by     varchar(64)   not null,
    recorded_at     timestamptz   not null,
    check ((unit_code is null) <> (funder_code is null))
);
create index fund_contribution_year on fund_contribution (scheme, scheme_year);

alter table payment add column instruction_id bigint unique references payment_instruction (id);
