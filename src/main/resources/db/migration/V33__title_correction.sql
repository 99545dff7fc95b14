-- A reviewer may correct the reader's profession and title as part of an approval: the
-- reader's own choice stays, the correction is kept beside it with who made it.
alter table credential_submission add column corrected_profession varchar(32);
alter table credential_submission add column corrected_title varchar(100);
alter table credential_submission add column corrected_by varchar(64);
