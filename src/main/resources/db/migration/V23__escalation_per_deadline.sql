-- A claim's clock can start again (the review of a rejection has its own deadline; a rejection
-- withdrawn on review gives a new payment deadline): each run of the clock escalates once per kind.

alter table sla_escalation add column clock_started_at timestamptz;
update sla_escalation e set clock_started_at = s.started_at from claim_sla s where s.claim_id = e.claim_id;
update sla_escalation set clock_started_at = raised_at where clock_started_at is null;
alter table sla_escalation alter column clock_started_at set not null;
alter table sla_escalation drop constraint sla_escalation_claim_id_kind_key;
alter table sla_escalation add constraint sla_escalation_once_per_deadline unique (claim_id, kind, clock_started_at);
