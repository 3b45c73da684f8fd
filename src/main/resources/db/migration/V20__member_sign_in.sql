-- Members sign in online (线上快办) with their ID number and a one-time code sent to their
-- mobile number on file. Codes and rate limits live here, so that two nodes share them.

-- A code as sent: only its salted SHA-256 is kept. It is good until expires_at, once, and
-- burnt after a few wrong tries; a newer code for the member replaces it.
create table member_sign_in_code (
    id              bigserial    primary key,
    member_id       bigint       not null references member (id),
    salt            char(32)     not null,
    code_hash       char(64)     not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    wrong_tries     int          not null default 0,
    spent_at        timestamptz
);
create index member_sign_in_code_live on member_sign_in_code (member_id, id) where spent_at is null;

-- Each request for a code that was let through, counted per ID number, per mobile number and per
-- IP address over a window. The ID and mobile numbers are kept as hashes only (what is counted,
-- not who): kind is ID, MOBILE or IP.
create table member_sign_in_request (
    id              bigserial    primary key,
    kind            varchar(8)   not null check (kind in ('ID', 'MOBILE', 'IP')),
    subject_hash    char(64)     not null,
    requested_at    timestamptz  not null
);
create index member_sign_in_request_subject on member_sign_in_request (kind, subject_hash, requested_at);
create index member_sign_in_request_age on member_sign_in_request (requested_at);
