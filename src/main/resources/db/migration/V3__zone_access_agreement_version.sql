-- A grant holds for the agreement version the reader accepted: a new version of the
-- zone's agreement closes the zone until the reader accepts it.
alter table zone_access add column agreement_version integer default 1 not null;
