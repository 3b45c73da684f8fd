-- Roll-ups for the statistics (reporting), so a year of a province is a few thousand rows
-- instead of every claim joined to its payment, clock, member and unit (8 s at 200,000 claims a
-- year, docs/performance.md). Claims count in the month they were handed in (Beijing), under
-- the claim's scheme, agency and its member's unit, none of which ever changes on a claim.
--
-- Kept by triggers that run when the transaction commits (deferred), so a claim's transaction
-- holds a tally row for the commit only, not from its first statement: claims of one unit
-- handed in at once do not queue behind each other. Nothing in Huzhu deletes claims, payments
-- or clocks; after rows are changed by hand, `select statistics_rebuild()` counts them again.

-- A scheme's claims by month handed in, agency and unit: handed in, rejected (as they stand),
-- paid (a payment is recorded), the amount and the largest payment, and of the paid claims those
-- whose payment clock was stopped as paid and how many of them in time.
create table statistics_claim_tally (
    scheme    varchar(32)   not null,
    month     date          not null check (extract(day from month) = 1),
    agency_id bigint        not null,
    unit_id   bigint        not null,
    submitted bigint        not null default 0,
    rejected  bigint        not null default 0,
    paid      bigint        not null default 0,
    amount    numeric(16,2) not null default 0,
    largest   numeric(14,2),
    clocked   bigint        not null default 0,
    in_time   bigint        not null default 0,
    primary key (scheme, month, agency_id, unit_id)
);

-- Paid clocks by scheme, month the claim was handed in, agency and working days to pay: the
-- histogram the average and median are read from.
create table statistics_days_tally (
    scheme       varchar(32) not null,
    month        date        not null check (extract(day from month) = 1),
    agency_id    bigint      not null,
    working_days int         not null,
    paid         bigint      not null default 0,
    primary key (scheme, month, agency_id, working_days)
);

-- What each funder bore of the confirmed payments, by scheme, month handed in and agency.
create table statistics_funder_tally (
    scheme      varchar(32)   not null,
    month       date          not null check (extract(day from month) = 1),
    agency_id   bigint        not null,
    funder_code varchar(50)   not null,
    funder_name varchar(100)  not null,
    amount      numeric(16,2) not null default 0,
    primary key (scheme, month, agency_id, funder_code)
);

create function statistics_month(submitted_at timestamptz) returns date language sql immutable as $$
    select date_trunc('month', submitted_at at time zone 'Asia/Shanghai')::date
$$;

-- Adds one claim's change to its row of the claims' tally.
create function statistics_count_claim(changed bigint, handed_in int, rejections int, payments int,
                                       paid_amount numeric, clocks int, clocks_in_time int) returns void
language sql as $$
    insert into statistics_claim_tally as t (scheme, month, agency_id, unit_id, submitted, rejected, paid, amount,
                                             largest, clocked, in_time)
    select c.scheme, statistics_month(c.submitted_at), c.agency_id, m.unit_id, handed_in, rejections, payments,
           paid_amount, case when payments > 0 then paid_amount end, clocks, clocks_in_time
    from claim c join member m on m.id = c.member_id where c.id = changed
    on conflict (scheme, month, agency_id, unit_id) do update
        set submitted = t.submitted + excluded.submitted, rejected = t.rejected + excluded.rejected,
            paid = t.paid + excluded.paid, amount = t.amount + excluded.amount,
            largest = greatest(t.largest, excluded.largest),
            clocked = t.clocked + excluded.clocked, in_time = t.in_time + excluded.in_time
$$;

create function statistics_claim_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform statistics_count_claim(new.id, 1, (new.status = 'REJECTED')::int, 0, 0, 0, 0);
    else
        perform statistics_count_claim(new.id, 0, (new.status = 'REJECTED')::int - (old.status = 'REJECTED')::int,
                                       0, 0, 0, 0);
    end if;
    return null;
end
$$;

create constraint trigger statistics_claim_handed_in after insert on claim
    deferrable initially deferred for each row execute function statistics_claim_changed();
create constraint trigger statistics_claim_rejected after update on claim
    deferrable initially deferred for each row
    when ((old.status = 'REJECTED') is distinct from (new.status = 'REJECTED'))
    execute function statistics_claim_changed();

-- The tallies' keys: a claim's scheme, hand-in time, agency and member never change.
create function statistics_key_kept() returns trigger language plpgsql as $$
begin
    raise exception 'statistics: a claim''s scheme, submitted_at, agency_id and member_id never change (claim %)', old.id;
end
$$;
create trigger statistics_claim_key before update on claim for each row
    when (old.scheme is distinct from new.scheme or old.submitted_at is distinct from new.submitted_at
          or old.agency_id is distinct from new.agency_id or old.member_id is distinct from new.member_id)
    execute function statistics_key_kept();

create function statistics_payment_recorded() returns trigger language plpgsql as $$
begin
    perform statistics_count_claim(new.claim_id, 0, 0, 1, new.amount, 0, 0);
    insert into statistics_funder_tally as t (scheme, month, agency_id, funder_code, funder_name, amount)
    select c.scheme, statistics_month(c.submitted_at), c.agency_id, f.funder_code, f.funder_name, f.amount
    from payment_funder_share f join claim c on c.id = new.claim_id
    where f.instruction_id = new.instruction_id
    on conflict (scheme, month, agency_id, funder_code) do update
        set amount = t.amount + excluded.amount, funder_name = excluded.funder_name;
    return null;
end
$$;

create constraint trigger statistics_payment_recorded after insert on payment
    deferrable initially deferred for each row execute function statistics_payment_recorded();

-- A payment is a fact: what was paid to which claim is never rewritten.
create function statistics_payment_kept() returns trigger language plpgsql as $$
begin
    raise exception 'statistics: a payment''s claim and amount never change (payment %)', old.id;
end
$$;
create trigger statistics_payment_kept before update on payment for each row
    when (old.claim_id is distinct from new.claim_id or old.amount is distinct from new.amount)
    execute function statistics_payment_kept();

create function statistics_clock_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.outcome = 'PAID' then
            perform statistics_count_claim(old.claim_id, 0, 0, 0, 0, -1, -(old.paid_in_time::int));
            update statistics_days_tally d set paid = d.paid - 1
            from claim c
            where c.id = old.claim_id and d.scheme = c.scheme and d.month = statistics_month(c.submitted_at)
              and d.agency_id = c.agency_id and d.working_days = old.working_days_to_pay;
        end if;
    end if;
    if new.outcome = 'PAID' then
        perform statistics_count_claim(new.claim_id, 0, 0, 0, 0, 1, new.paid_in_time::int);
        insert into statistics_days_tally as t (scheme, month, agency_id, working_days, paid)
        select c.scheme, statistics_month(c.submitted_at), c.agency_id, new.working_days_to_pay, 1
        from claim c where c.id = new.claim_id
        on conflict (scheme, month, agency_id, working_days) do update set paid = t.paid + 1;
    end if;
    return null;
end
$$;

create constraint trigger statistics_clock_started after insert on claim_sla
    deferrable initially deferred for each row when (new.outcome = 'PAID')
    execute function statistics_clock_changed();
create constraint trigger statistics_clock_stopped after update on claim_sla
    deferrable initially deferred for each row
    when (old.outcome is distinct from new.outcome or old.paid_in_time is distinct from new.paid_in_time
          or old.working_days_to_pay is distinct from new.working_days_to_pay)
    execute function statistics_clock_changed();

-- Counts every tally again from the base tables (here: what is there before this migration).
create function statistics_rebuild() returns void language sql as $$
    delete from statistics_claim_tally;
    delete from statistics_days_tally;
    delete from statistics_funder_tally;
    insert into statistics_claim_tally (scheme, month, agency_id, unit_id, submitted, rejected, paid, amount, largest,
                                        clocked, in_time)
    select c.scheme, statistics_month(c.submitted_at), c.agency_id, m.unit_id, count(*),
           count(*) filter (where c.status = 'REJECTED'), count(p.claim_id), coalesce(sum(p.amount), 0), max(p.amount),
           count(s.claim_id), count(s.claim_id) filter (where s.paid_in_time)
    from claim c
    join member m on m.id = c.member_id
    left join payment p on p.claim_id = c.id
    left join claim_sla s on s.claim_id = c.id and s.outcome = 'PAID'
    group by 1, 2, 3, 4;
    insert into statistics_days_tally (scheme, month, agency_id, working_days, paid)
    select c.scheme, statistics_month(c.submitted_at), c.agency_id, s.working_days_to_pay, count(*)
    from claim_sla s join claim c on c.id = s.claim_id
    where s.outcome = 'PAID'
    group by 1, 2, 3, 4;
    insert into statistics_funder_tally (scheme, month, agency_id, funder_code, funder_name, amount)
    select c.scheme, statistics_month(c.submitted_at), c.agency_id, f.funder_code, max(f.funder_name), sum(f.amount)
    from payment p
    join claim c on c.id = p.claim_id
    join payment_funder_share f on f.instruction_id = p.instruction_id
    group by 1, 2, 3, 4;
$$;

select statistics_rebuild();

-- What the tallies cannot hold is read through indexes on the few rows it concerns: rejections
-- by their reason's shape (only rejected claims, with what the grouping reads), lump sums by
-- diagnosis group (only lump-sum claims) and the payouts above any large-subsidy amount.
create index claim_rejected_by_submission on claim (scheme, submitted_at)
    include (agency_id, rejection_category, rejection_reason) where status = 'REJECTED';
create index claim_grouped_by_submission on claim (scheme, submitted_at)
    include (agency_id, diagnosis_group, rule_set_id) where diagnosis_group is not null;
create index payment_scheme_amount on payment (scheme, amount) include (claim_id);
