-- Roll-ups of the payment clocks for the supervisors' views, kept by a trigger in the
-- transaction that changes a clock, so the views add up a few thousand rows instead of every
-- open clock and a year of payments (0.2-0.6 s at 100,000 open / 1,000,000 closed claims).

-- A paid clock always carries its working days to pay and whether that was in time.
alter table claim_sla add constraint claim_sla_paid_figures
    check (outcome is distinct from 'PAID' or (working_days_to_pay is not null and paid_in_time is not null));

-- Open clocks counted by everything the views ask of them. The moments are day boundaries in
-- Beijing (start of the at-risk day, end of the due day, end of the stage budget), so claims
-- started on the same day in the same stage share a row and the states at any moment stay
-- exact: at risk = at_risk_at <= now < due_at, breached = due_at <= now, over budget =
-- stage_due_at <= now ('infinity' when the clock has no stage budget).
create table sla_open_tally (
    agency_id    bigint      not null,
    stage        varchar(16) not null,
    at_risk_at   timestamptz not null,
    due_at       timestamptz not null,
    stage_due_at timestamptz not null,
    due_date     date        not null,
    start_year   int         not null,
    open         bigint      not null check (open > 0),
    primary key (agency_id, stage, at_risk_at, due_at, stage_due_at, due_date, start_year)
);

-- Paid clocks by agency, month of payment (Beijing) and working days to pay: the histogram the
-- percentiles of working days to pay are read from.
create table sla_paid_tally (
    agency_id           bigint not null,
    month               date   not null check (extract(day from month) = 1),
    working_days_to_pay int    not null,
    paid                bigint not null check (paid > 0),
    paid_in_time        bigint not null check (paid_in_time between 0 and paid),
    primary key (agency_id, month, working_days_to_pay)
);

create function sla_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if old.stopped_at is null then
            -- a row that would count nothing goes
            delete from sla_open_tally
            where agency_id = old.agency_id and stage = old.stage and at_risk_at = old.at_risk_at
              and due_at = old.due_at and stage_due_at = coalesce(old.stage_due_at, 'infinity')
              and due_date = old.due_date
              and start_year = extract(year from old.started_at at time zone 'Asia/Shanghai')::int
              and open = 1;
            if not found then
                update sla_open_tally set open = open - 1
                where agency_id = old.agency_id and stage = old.stage and at_risk_at = old.at_risk_at
                  and due_at = old.due_at and stage_due_at = coalesce(old.stage_due_at, 'infinity')
                  and due_date = old.due_date
                  and start_year = extract(year from old.started_at at time zone 'Asia/Shanghai')::int;
            end if;
        elsif old.outcome = 'PAID' then
            delete from sla_paid_tally
            where agency_id = old.agency_id
              and month = date_trunc('month', old.stopped_at at time zone 'Asia/Shanghai')::date
              and working_days_to_pay = old.working_days_to_pay and paid = 1;
            if not found then
                update sla_paid_tally set paid = paid - 1, paid_in_time = paid_in_time - old.paid_in_time::int
                where agency_id = old.agency_id
                  and month = date_trunc('month', old.stopped_at at time zone 'Asia/Shanghai')::date
                  and working_days_to_pay = old.working_days_to_pay;
            end if;
        end if;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        if new.stopped_at is null then
            insert into sla_open_tally as t (agency_id, stage, at_risk_at, due_at, stage_due_at, due_date, start_year, open)
            values (new.agency_id, new.stage, new.at_risk_at, new.due_at, coalesce(new.stage_due_at, 'infinity'),
                    new.due_date, extract(year from new.started_at at time zone 'Asia/Shanghai')::int, 1)
            on conflict (agency_id, stage, at_risk_at, due_at, stage_due_at, due_date, start_year)
                do update set open = t.open + 1;
        elsif new.outcome = 'PAID' then
            insert into sla_paid_tally as t (agency_id, month, working_days_to_pay, paid, paid_in_time)
            values (new.agency_id, date_trunc('month', new.stopped_at at time zone 'Asia/Shanghai')::date,
                    new.working_days_to_pay, 1, new.paid_in_time::int)
            on conflict (agency_id, month, working_days_to_pay)
                do update set paid = t.paid + 1, paid_in_time = t.paid_in_time + excluded.paid_in_time;
        end if;
    end if;
    return null;
end
$$;

create trigger claim_sla_tally_insert_delete after insert or delete on claim_sla
    for each row execute function sla_tally();
-- holder changes, the most frequent update, leave the tallies alone
create trigger claim_sla_tally_update after update on claim_sla
    for each row
    when ((old.agency_id, old.stage, old.at_risk_at, old.due_at, old.stage_due_at, old.due_date, old.started_at,
           old.stopped_at, old.outcome, old.working_days_to_pay, old.paid_in_time)
          is distinct from
          (new.agency_id, new.stage, new.at_risk_at, new.due_at, new.stage_due_at, new.due_date, new.started_at,
           new.stopped_at, new.outcome, new.working_days_to_pay, new.paid_in_time))
    execute function sla_tally();

-- Counts both tallies again from the clocks: the back-fill of existing databases, and the
-- tests' proof that what the trigger kept equals a count from scratch.
create function sla_tally_rebuild() returns void language sql as $$
    delete from sla_open_tally;
    delete from sla_paid_tally;
    insert into sla_open_tally (agency_id, stage, at_risk_at, due_at, stage_due_at, due_date, start_year, open)
    select agency_id, stage, at_risk_at, due_at, coalesce(stage_due_at, 'infinity'), due_date,
           extract(year from started_at at time zone 'Asia/Shanghai')::int, count(*)
    from claim_sla where stopped_at is null
    group by 1, 2, 3, 4, 5, 6, 7;
    insert into sla_paid_tally (agency_id, month, working_days_to_pay, paid, paid_in_time)
    select agency_id, date_trunc('month', stopped_at at time zone 'Asia/Shanghai')::date, working_days_to_pay,
           count(*), count(*) filter (where paid_in_time)
    from claim_sla where outcome = 'PAID'
    group by 1, 2, 3;
$$;

select sla_tally_rebuild();

-- The views no longer read these; the lists of urgent claims keep the due and at-risk indexes.
drop index claim_sla_open_stage;
drop index claim_sla_paid;

-- The overview counts claims waiting for supplements: few rows among all claims.
create index claim_awaiting_supplements on claim (id) where status = 'AWAITING_SUPPLEMENTS';
