-- Two claims leaving one bucket at once broke the roll-ups: each first tried to delete the
-- row "if it counts one", saw two, and decremented; the second decrement, waiting on the
-- first's lock, took the row to zero and failed the check (a 500 under load). Now a leaver
-- always decrements under the row lock and deletes the row it left at zero, which is right
-- however the transactions interleave.
alter table sla_open_tally drop constraint sla_open_tally_open_check;
alter table sla_open_tally add constraint sla_open_tally_open_check check (open >= 0);
alter table sla_paid_tally drop constraint sla_paid_tally_paid_check;
alter table sla_paid_tally add constraint sla_paid_tally_paid_check check (paid >= 0);

create or replace function sla_tally() returns trigger language plpgsql as $$
declare
    remaining bigint;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        if old.stopped_at is null then
            update sla_open_tally set open = open - 1
            where agency_id = old.agency_id and stage = old.stage and at_risk_at = old.at_risk_at
              and due_at = old.due_at and stage_due_at = coalesce(old.stage_due_at, 'infinity')
              and due_date = old.due_date
              and start_year = extract(year from old.started_at at time zone 'Asia/Shanghai')::int
            returning open into remaining;
            if remaining = 0 then
                delete from sla_open_tally
                where agency_id = old.agency_id and stage = old.stage and at_risk_at = old.at_risk_at
                  and due_at = old.due_at and stage_due_at = coalesce(old.stage_due_at, 'infinity')
                  and due_date = old.due_date
                  and start_year = extract(year from old.started_at at time zone 'Asia/Shanghai')::int
                  and open = 0;
            end if;
        elsif old.outcome = 'PAID' then
            update sla_paid_tally set paid = paid - 1, paid_in_time = paid_in_time - old.paid_in_time::int
            where agency_id = old.agency_id
              and month = date_trunc('month', old.stopped_at at time zone 'Asia/Shanghai')::date
              and working_days_to_pay = old.working_days_to_pay
            returning paid into remaining;
            if remaining = 0 then
                delete from sla_paid_tally
                where agency_id = old.agency_id
                  and month = date_trunc('month', old.stopped_at at time zone 'Asia/Shanghai')::date
                  and working_days_to_pay = old.working_days_to_pay and paid = 0;
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
