-- A unit's contribution recorded from its imported member list: one contribution per import, so
-- the same list is never charged twice.

alter table fund_contribution add column enrolment_import_id bigint unique references enrolment_import (id);
