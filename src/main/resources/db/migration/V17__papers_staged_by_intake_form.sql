-- Files uploaded in the counter's intake form before the claim exists (docs/papers.md): a paper
-- row with no claim yet, named by the form's intake key and the clerk; the claim adopts the
-- rows when it is taken in, in its transaction. A form never sent leaves rows the sweep removes.
alter table paper alter column claim_id drop not null;
alter table paper add column intake_key uuid;
alter table paper add constraint paper_claim_or_form check ((claim_id is null) <> (intake_key is null));
create unique index paper_staged on paper (intake_key, kind, sha256) where claim_id is null;
