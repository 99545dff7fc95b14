-- A row is one view of a reader's personal data by staff: the table is named like the
-- entity (staff.StaffView) and the log that writes it (staff.StaffViewLog).
alter table staff_access rename to staff_view;
alter index ix_staff_access_accessed_at rename to ix_staff_view_accessed_at;
alter index ix_staff_access_staff rename to ix_staff_view_staff;
