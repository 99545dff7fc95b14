-- One sample encrypted and hashed with the keys of the first start: every later start (on
-- any node) must read it back with its keys, or refuses to start (credentials/KeyCheck).
create table crypto_check (
    id         integer primary key,
    ciphertext varchar(500) not null,
    mac        varchar(100) not null,
    created_at timestamp with time zone not null
);
