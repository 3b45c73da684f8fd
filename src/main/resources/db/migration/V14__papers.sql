-- Papers as files (docs/papers.md). A kind counts as handed in by a stored file of its kind or
-- by the clerk's record that the original was seen at the counter; claim_document keeps both,
-- each with who and when, and the counter's record with the clerk's reason.

alter table claim_document add column evidence varchar(8) not null default 'COUNTER'
    check (evidence in ('COUNTER', 'FILE'));
alter table claim_document add column reason varchar(200);
update claim_document set reason = '原件已在柜台查验' where evidence = 'COUNTER';
alter table claim_document add constraint claim_document_counter_reason
    check (evidence = 'FILE' or reason is not null);
alter table claim_document drop constraint claim_document_pkey;
alter table claim_document add primary key (claim_id, kind, evidence);
alter table claim_document alter column evidence drop default;

-- One row per file of a claim's paper. The bytes are in the paper store under their SHA-256:
-- the same bytes serve every claim whose rows name that hash; the same file twice for one
-- kind of one claim is one row.
create table paper (
    id            bigserial    primary key,
    claim_id      bigint       not null references claim (id),
    kind          varchar(32)  not null,
    original_name varchar(200) not null,
    content_type  varchar(32)  not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        char(64)     not null,
    pages         int,
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null,
    unique (claim_id, kind, sha256)
);
create index paper_claim on paper (claim_id, id);
create index paper_sha256 on paper (sha256);
