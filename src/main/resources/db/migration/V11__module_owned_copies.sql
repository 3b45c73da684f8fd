-- Each module reads only its own tables. What it needs of another module's rows and what never
-- changes there is copied at the time of writing: a rule set keeps its organiser's code (codes
-- never change), a payment order and a payment the scheme year they were paid for.

alter table rule_set add column organiser_code varchar(32) references organiser (code);
update rule_set r set organiser_code = o.code from organiser o where o.id = r.organiser_id;
alter table rule_set alter column organiser_code set not null;
create index rule_set_in_force_by_code on rule_set (scheme, organiser_code, effective_from) where superseded_by is null;

alter table payment_instruction add column scheme varchar(32) references scheme (code),
                                add column scheme_year int;
update payment_instruction i set scheme = c.scheme, scheme_year = c.scheme_year from claim c where c.id = i.claim_id;
alter table payment_instruction alter column scheme set not null, alter column scheme_year set not null;

alter table payment add column scheme varchar(32) references scheme (code),
                    add column scheme_year int;
update payment p set scheme = c.scheme, scheme_year = c.scheme_year from claim c where c.id = p.claim_id;
alter table payment alter column scheme set not null, alter column scheme_year set not null;
create index payment_scheme_year on payment (scheme, scheme_year);
