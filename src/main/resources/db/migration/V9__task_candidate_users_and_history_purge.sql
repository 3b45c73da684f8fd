-- Tasks offered to named users instead of a whole group (the second audit goes to the league
-- auditors who have not decided the claim in this round), in the same list order as
-- work_item_group.
create table if not exists work_item_user (
    task_id    varchar(64) not null references work_item (task_id) on delete cascade,
    user_id    varchar(64) not null,
    urgent     boolean     not null default false,
    due_at     timestamptz,
    created_at timestamptz not null,
    primary key (user_id, task_id)
);
create index if not exists work_item_user_order on work_item_user (user_id, urgent desc, due_at, created_at, task_id);
create index if not exists work_item_user_task on work_item_user (task_id);

-- The engine's history no longer receives task-local display values (the claim view, member
-- name and the figures Tasklist lists), bank accounts typed into the FixAccount form, or
-- submitted form fields (workflow.PersonalValuesOutOfHistory). What older versions wrote of
-- them is removed once, with the byte arrays that held long values. The engine owns schema
-- public and may not have created its tables yet on a new database.
do $$
begin
    if to_regclass('public.act_hi_varinst') is not null then
        with gone as (
            delete from public.act_hi_varinst
            where task_id_ is not null or name_ in ('bankName', 'accountNumber', 'accountName')
            returning bytearray_id_)
        delete from public.act_ge_bytearray where id_ in (select bytearray_id_ from gone where bytearray_id_ is not null);
    end if;
    if to_regclass('public.act_hi_detail') is not null then
        with gone as (
            delete from public.act_hi_detail
            where type_ = 'FormProperty' or task_id_ is not null
               or name_ in ('bankName', 'accountNumber', 'accountName')
            returning bytearray_id_)
        delete from public.act_ge_bytearray where id_ in (select bytearray_id_ from gone where bytearray_id_ is not null);
    end if;
end
$$;
