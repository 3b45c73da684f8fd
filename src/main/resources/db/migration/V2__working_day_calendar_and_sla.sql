-- The working-day calendar and the payment-deadline (SLA) facts of each claim.

-- A year's calendar as the State Council's notice gives it. Publishing a year again adds a
-- version; the latest version of a year is the one in force. A year with no calendar counts
-- Monday to Friday.
create table working_day_calendar (
    id           bigserial    primary key,
    year         int          not null check (year between 2000 and 2099),
    version      int          not null,
    notice       varchar(500),
    published_by varchar(64)  not null,
    published_at timestamptz  not null,
    unique (year, version)
);

-- Only the days that differ from Monday to Friday: holidays (off) and make-up working days (调休).
create table working_day_calendar_day (
    calendar_id bigint      not null references working_day_calendar (id),
    day         date        not null,
    off_day     boolean     not null,
    name        varchar(50) not null,
    primary key (calendar_id, day)
);

insert into working_day_calendar (year, version, notice, published_by, published_at) values
    (2025, 1, '国务院办公厅关于2025年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
     'system', now()),
    (2026, 1, '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
     'system', now());

-- The days of both notices; each goes to its year's first version.
insert into working_day_calendar_day (calendar_id, day, off_day, name)
select c.id, d.day, d.off_day, d.name
from (values
    (date '2025-01-01', true, '元旦'),
    (date '2025-01-26', false, '春节'),
    (date '2025-01-28', true, '春节'),
    (date '2025-01-29', true, '春节'),
    (date '2025-01-30', true, '春节'),
    (date '2025-01-31', true, '春节'),
    (date '2025-02-01', true, '春节'),
    (date '2025-02-02', true, '春节'),
    (date '2025-02-03', true, '春节'),
    (date '2025-02-04', true, '春节'),
    (date '2025-02-08', false, '春节'),
    (date '2025-04-04', true, '清明节'),
    (date '2025-04-05', true, '清明节'),
    (date '2025-04-06', true, '清明节'),
    (date '2025-04-27', false, '劳动节'),
    (date '2025-05-01', true, '劳动节'),
    (date '2025-05-02', true, '劳动节'),
    (date '2025-05-03', true, '劳动节'),
    (date '2025-05-04', true, '劳动节'),
    (date '2025-05-05', true, '劳动节'),
    (date '2025-05-31', true, '端午节'),
    (date '2025-06-01', true, '端午节'),
    (date '2025-06-02', true, '端午节'),
    (date '2025-09-28', false, '国庆节、中秋节'),
    (date '2025-10-01', true, '国庆节、中秋节'),
    (date '2025-10-02', true, '国庆节、中秋节'),
    (date '2025-10-03', true, '国庆节、中秋节'),
    (date '2025-10-04', true, '国庆节、中秋节'),
    (date '2025-10-05', true, '国庆节、中秋节'),
    (date '2025-10-06', true, '国庆节、中秋节'),
    (date '2025-10-07', true, '国庆节、中秋节'),
    (date '2025-10-08', true, '国庆节、中秋节'),
    (date '2025-10-11', false, '国庆节、中秋节'),
    (date '2026-01-01', true, '元旦'),
    (date '2026-01-02', true, '元旦'),
    (date '2026-01-03', true, '元旦'),
    (date '2026-01-04', false, '元旦'),
    (date '2026-02-14', false, '春节'),
    (date '2026-02-15', true, '春节'),
    (date '2026-02-16', true, '春节'),
    (date '2026-02-17', true, '春节'),
    (date '2026-02-18', true, '春节'),
    (date '2026-02-19', true, '春节'),
    (date '2026-02-20', true, '春节'),
    (date '2026-02-21', true, '春节'),
    (date '2026-02-22', true, '春节'),
    (date '2026-02-23', true, '春节'),
    (date '2026-02-28', false, '春节'),
    (date '2026-04-04', true, '清明节'),
    (date '2026-04-05', true, '清明节'),
    (date '2026-04-06', true, '清明节'),
    (date '2026-05-01', true, '劳动节'),
    (date '2026-05-02', true, '劳动节'),
    (date '2026-05-03', true, '劳动节'),
    (date '2026-05-04', true, '劳动节'),
    (date '2026-05-05', true, '劳动节'),
    (date '2026-05-09', false, '劳动节'),
    (date '2026-06-19', true, '端午节'),
    (date '2026-06-20', true, '端午节'),
    (date '2026-06-21', true, '端午节'),
    (date '2026-09-20', false, '国庆节'),
    (date '2026-09-25', true, '中秋节'),
    (date '2026-09-26', true, '中秋节'),
    (date '2026-09-27', true, '中秋节'),
    (date '2026-10-01', true, '国庆节'),
    (date '2026-10-02', true, '国庆节'),
    (date '2026-10-03', true, '国庆节'),
    (date '2026-10-04', true, '国庆节'),
    (date '2026-10-05', true, '国庆节'),
    (date '2026-10-06', true, '国庆节'),
    (date '2026-10-07', true, '国庆节'),
    (date '2026-10-10', false, '国庆节')
) as d (day, off_day, name)
join working_day_calendar c on c.year = extract(year from d.day) and c.version = 1;

-- A claim's payment clock: from complete materials to payment, in working days. The dates are
-- worked out with the calendar when the clock starts and again when a calendar is published,
-- so the supervisors' lists are plain index scans.
create table claim_sla (
    claim_id            bigint      primary key references claim (id),
    agency_id           bigint      not null references agency (id),
    working_days        int         not null check (working_days > 0),
    started_at          timestamptz not null,
    due_date            date        not null,
    due_at              timestamptz not null,
    at_risk_at          timestamptz not null,
    stage               varchar(16) check (stage in ('AGENCY_CHECK', 'LEAGUE_AUDIT', 'PAYOUT')),
    stage_since         timestamptz,
    stage_due_at        timestamptz,
    holder_user         varchar(64),
    holder_group        varchar(64),
    stopped_at          timestamptz,
    outcome             varchar(16) check (outcome in ('PAID', 'REJECTED')),
    working_days_to_pay int,
    paid_in_time        boolean,
    check ((stopped_at is null) = (stage is not null))
);
create index claim_sla_open_due on claim_sla (due_at) where stopped_at is null;
create index claim_sla_open_at_risk on claim_sla (at_risk_at) where stopped_at is null;
create index claim_sla_open_stage on claim_sla (agency_id, stage) where stopped_at is null;
create index claim_sla_paid on claim_sla (stopped_at) include (agency_id, working_days_to_pay, paid_in_time)
    where outcome = 'PAID';

-- Each stay of a claim in a stage, so a supervisor sees which stage used up the time.
create table claim_sla_stage (
    id         bigserial   primary key,
    claim_id   bigint      not null references claim (id),
    stage      varchar(16) not null,
    entered_at timestamptz not null,
    left_at    timestamptz
);
create index claim_sla_stage_claim on claim_sla_stage (claim_id, id);

-- Raised by the process when a claim becomes at risk or breaches its deadline; once per kind.
create table sla_escalation (
    id           bigserial   primary key,
    claim_id     bigint      not null references claim (id),
    kind         varchar(16) not null check (kind in ('AT_RISK', 'BREACHED')),
    raised_at    timestamptz not null,
    due_date     date        not null,
    stage        varchar(16),
    holder       varchar(64),
    unique (claim_id, kind)
);

-- Outbox of messages to the supervisors; a sender delivers them and sets sent_at.
create table supervisor_notification (
    id            bigserial     primary key,
    escalation_id bigint        not null unique references sla_escalation (id),
    recipients    varchar(64)   not null,
    subject       varchar(200)  not null,
    message       varchar(1000) not null,
    created_at    timestamptz   not null,
    sent_at       timestamptz,
    attempts      int           not null default 0,
    last_error    varchar(500)
);
create index supervisor_notification_unsent on supervisor_notification (id) where sent_at is null;
