-- The review of a rejection (复核申请): asked for by the member online or by a clerk for them,
-- within the scheme's review window; one per rejection (the claim_event that rejected the claim),
-- decided once by a league head or the committee. Rule sets written before it read the window
-- (60 days) and the deadline (10 working days) as defaults in code.
create table claim_review (
    id                 bigserial    primary key,
    claim_id           bigint       not null references claim (id),
    rejection_event_id bigint       not null unique references claim_event (id),
    channel            varchar(16)  not null check (channel in ('COUNTER', 'ONLINE')),
    requested_by       varchar(64)  not null,
    requested_at       timestamptz  not null,
    reason             varchar(500) not null,
    deadline_working_days int       not null check (deadline_working_days > 0),
    outcome            varchar(32)  check (outcome in ('UPHELD', 'REFUSED')),
    restart_step       varchar(32)  check (restart_step in ('AGENCY_CHECK', 'LEAGUE_AUDIT')),
    decided_by         varchar(64),
    decided_at         timestamptz,
    decision_reason    varchar(500),
    check ((outcome is null) = (decided_at is null)),
    check ((outcome = 'UPHELD') = (restart_step is not null))
);
create index claim_review_claim on claim_review (claim_id, id);

-- The review has its own stage on the payment clock, with the review's deadline.
alter table claim_sla drop constraint claim_sla_stage_check;
alter table claim_sla add constraint claim_sla_stage_check
    check (stage in ('AGENCY_CHECK', 'LEAGUE_AUDIT', 'PAYOUT', 'REVIEW'));
