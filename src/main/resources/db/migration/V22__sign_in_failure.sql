-- Failed sign-ins (readers and staff), counted for every node of the site in one place.
-- The key is a SHA-256 of what is counted (realm, user name, client address): no user name
-- or address is kept in the clear. Rows forget themselves (security/LoginThrottle).
create table sign_in_failure (
    throttle_key   char(64) primary key,
    failures       integer not null,
    last_failed_at timestamp with time zone not null,
    blocked_until  timestamp with time zone
);

create index ix_sign_in_failure_last_failed on sign_in_failure (last_failed_at);
