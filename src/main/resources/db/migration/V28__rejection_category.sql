-- The category an auditor picks when rejecting (claim/RejectionCategory); null for the
-- pre-check's rejections, which are grouped by their own codes, and for auditors' rejections
-- recorded before categories existed.
alter table claim add column rejection_category varchar(30);
