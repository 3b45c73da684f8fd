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
