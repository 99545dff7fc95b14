-- The store keeps more than licence photos now (form steps' documents, article pictures):
-- its table is named for what it holds, like the class that owns it (vault.DocumentStore).
alter table licence_photo rename to stored_document;
alter index ix_licence_photo_reader rename to ix_stored_document_reader;
alter index ix_licence_photo_pending rename to ix_stored_document_pending;
