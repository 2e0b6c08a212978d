-- The signature and seal an issuing unit puts on its learners' certificates (optional): the deepest unit above a
-- learner (or the learner's own) that has one signs; without any, certificates carry the platform's issuer only.
create table certificate_signature (
    unit_id       bigint       primary key references org_unit (id),
    signer_name   varchar(200) not null check (length(trim(signer_name)) > 0),
    signer_title  varchar(200) not null check (length(trim(signer_title)) > 0),
    -- PNG, checked by content at upload (decoded, at most 1,500 × 1,500 px and 512 KiB)
    signature_png bytea        check (octet_length(signature_png) <= 524288),
    seal_png      bytea        check (octet_length(seal_png) <= 524288),
    updated_by    varchar(200) not null,
    updated_at    timestamptz  not null default now()
);

-- the unit whose signature a certificate carries, chosen when it is issued: a later change of the signer does not
-- move an old certificate to another unit
alter table certificate add column signature_unit_id bigint references org_unit (id);
