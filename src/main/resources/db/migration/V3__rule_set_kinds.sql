-- Four kinds of benefit: in-patient and outpatient special diseases pay on expenses, the
-- women's scheme 馨康 and major illness pay a fixed sum on a diagnosis.

insert into scheme (code, name, benefit_kind) values
    ('OUTPATIENT_SPECIAL', '门诊特殊病互助', 'EXPENSE'),
    ('XINKANG',            '馨康女职工特殊疾病互助', 'LUMP_SUM'),
    ('MAJOR_ILLNESS',      '重大疾病互助', 'LUMP_SUM');

-- A version replaced by one that starts the same day; kept for the claims calculated on it.
alter table rule_set add column superseded_by bigint references rule_set (id);
create index rule_set_in_force on rule_set (scheme, organiser_id, effective_from) where superseded_by is null;

-- A lump-sum claim is made on a diagnosis: it may have no stay, no expenses and no invoice.
alter table claim
    alter column admission_date drop not null,
    alter column discharge_date drop not null,
    alter column expense_total drop not null,
    alter column policy_scope drop not null,
    alter column fund_paid drop not null,
    alter column critical_illness_paid drop not null,
    alter column medical_assistance_paid drop not null,
    add column diagnosis_code  varchar(20),
    add column diagnosis_date  date,
    -- the diagnosis group a lump sum was calculated for: each is paid once per member
    add column diagnosis_group varchar(32),
    add check ((admission_date is null) = (discharge_date is null)),
    add check ((expense_total is null) = (policy_scope is null) and (policy_scope is null) = (fund_paid is null)
               and (fund_paid is null) = (critical_illness_paid is null)
               and (critical_illness_paid is null) = (medical_assistance_paid is null)),
    add check (admission_date is not null or diagnosis_date is not null);
create index claim_member_group on claim (member_id, scheme, diagnosis_group) where diagnosis_group is not null;
