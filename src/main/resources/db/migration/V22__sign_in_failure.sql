-- Failed sign-ins (readers and staff), counted for every node of the site in one place.
-- The key is a SHA-256 of what is counted (realm, user name, client address): no user name
-- or address is kept in the clear. Rows forget themselves (security/LoginThrottle).
create table sign_in_failure (
    throttle_key   varchar(64) primary key,
    -- SHA-256 of realm and user name, for the counts of a name: an administrator who
    -- unlocks a staff member ends that name's waits from every address
    subject_hash   varchar(64),
    failures       integer not null,
    last_failed_at timestamp with time zone not null,
    blocked_until  timestamp with time zone
);

create index ix_sign_in_failure_last_failed on sign_in_failure (last_failed_at);
create index ix_sign_in_failure_subject on sign_in_failure (subject_hash);
