-- A CMS's id names one version of one zone's agreement: two calls publishing the same id
-- at once make one version (the second fails on this key and is told to send again,
-- which then finds the version published).
alter table agreement_version add constraint uk_agreement_version_cms unique (zone_key, cms_id);
