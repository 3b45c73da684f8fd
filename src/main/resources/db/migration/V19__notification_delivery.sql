-- Messages leave: each row of the outbox keeps its delivery (pending, sent, failed with the
-- reason), how often it was tried and when it is tried next, who sent it (mailbox, sms) and the
-- provider's id for it. A message goes to a member or to staff (the supervisors' escalations,
-- until now in supervisor_notification): exactly one of the two.
alter table notification alter column member_id drop not null;
alter table notification add column staff_recipients varchar(64);
alter table notification add constraint notification_one_recipient
    check ((member_id is null) <> (staff_recipients is null));
alter table notification add column subject varchar(200);
alter table notification add column state varchar(8) not null default 'PENDING'
    check (state in ('PENDING', 'SENT', 'FAILED'));
alter table notification add column attempts int not null default 0;
-- null: due now (a new message); set after a failed attempt
alter table notification add column next_attempt_at timestamptz;
alter table notification add column last_error varchar(500);
alter table notification add column sender varchar(16);
alter table notification add column provider_message_id varchar(100);
-- where it went, masked (138****1234) or the staff group
alter table notification add column sent_to varchar(64);

-- Members' messages written before there was a sender were never sent; sending them now,
-- perhaps months late, would confuse more than it tells: they are kept as failed, with why.
update notification set state = 'FAILED', last_error = '写于消息发送上线之前（V19），未发送'
where sent_at is null;
update notification set state = 'SENT' where sent_at is not null;

-- The supervisors' messages move over as they were: sent ones stay sent, waiting ones go out.
insert into notification (claim_id, staff_recipients, kind, dedup_key, params, subject, message, created_at,
                          sent_at, state, attempts, last_error, sender, sent_to)
select e.claim_id, s.recipients, 'SLA_' || e.kind, 'SLA_' || e.kind || ':' || e.claim_id,
       jsonb_build_object('claimId', e.claim_id::text, 'dueDate', e.due_date::text), s.subject, s.message,
       s.created_at, s.sent_at, case when s.sent_at is null then 'PENDING' else 'SENT' end, s.attempts, s.last_error,
       case when s.sent_at is null then null else 'mailbox' end, s.recipients
from supervisor_notification s join sla_escalation e on e.id = s.escalation_id
order by s.id;
drop table supervisor_notification;

create index notification_pending on notification (id) where state = 'PENDING';
