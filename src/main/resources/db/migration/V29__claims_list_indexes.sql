-- The claims list (claim/ClaimSearch), newest first: for the league over every agency, for
-- agency staff over their own, and a member's name by its first characters. Without them a
-- province's 1,000,000 claims would be sorted for each page.
create index claim_submitted on claim (submitted_at desc, id desc);
create index claim_agency_submitted on claim (agency_code, submitted_at desc, id desc);
create index claim_member_name on claim (member_name text_pattern_ops);
