-- Licence numbers are stored encrypted (Tink AEAD, bound to the reader) with a keyed hash
-- (HMAC) for equality lookups such as the same licence number on two readers; see
-- security/PersonalDataCrypto. Licence photo files are encrypted the same way.
-- Pre-release: the plain column goes; rows of a development database lose their number.

alter table credential_submission add column licence_number_enc varchar(512);
alter table credential_submission add column licence_number_hash varchar(64);
alter table credential_submission drop column licence_number;
create index ix_credential_submission_licence_hash on credential_submission (licence_number_hash);
