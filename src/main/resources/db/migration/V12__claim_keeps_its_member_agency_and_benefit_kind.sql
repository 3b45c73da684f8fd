-- Each module reads only its own tables (V11 began it). The auditors' lists show a claim's
-- member (name, ID number masked) and agency code, and the approval routing decides on the
-- scheme's benefit kind: none of these ever changes on the member, agency or scheme row, and
-- intake has them in hand, so the claim keeps a copy written with the claim itself.

alter table claim add column member_name      varchar(50),
                  add column member_id_masked varchar(18),
                  add column agency_code      varchar(32) references agency (code),
                  add column benefit_kind     varchar(16) check (benefit_kind in ('EXPENSE', 'LUMP_SUM'));

update claim c set member_name = m.name,
                   member_id_masked = left(m.id_number, 6) || repeat('*', length(m.id_number) - 10)
                                      || right(m.id_number, 4)
from member m where m.id = c.member_id;
update claim c set agency_code = a.code from agency a where a.id = c.agency_id;
update claim c set benefit_kind = s.benefit_kind from scheme s where s.code = c.scheme;

alter table claim alter column member_name set not null, alter column member_id_masked set not null,
                  alter column agency_code set not null, alter column benefit_kind set not null;
