-- The statistics (reporting) read a scheme's claims by the month they were handed in and its
-- enrolments by the days they cover; without these each view reads every claim or enrolment.
create index claim_scheme_submitted on claim (scheme, submitted_at) include (agency_id, status);
create index enrolment_scheme_period on enrolment (scheme, valid_to, valid_from) include (member_id);
