-- Every licence photo stored, attached to a submission or still pending (a form that came
-- back with errors): the reader's daily quota counts these rows, pending ones expire, and
-- erasure finds them all. The encrypted content is kept here by default
-- (hcp-gate.storage.kind=database), so that every node serves and erases the same photo;
-- with kind=directory it is a file in a directory that every node shares.
create table licence_photo (
    file_name    varchar(64)  primary key,
    reader_id    varchar(64)  not null,
    content_type varchar(64)  not null,
    size_bytes   bigint       not null,
    stored_at    timestamp with time zone not null,
    attached     boolean      not null,
    content      bytea
);

create index ix_licence_photo_reader on licence_photo (reader_id, stored_at);
create index ix_licence_photo_pending on licence_photo (attached, stored_at);
