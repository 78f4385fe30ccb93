-- Failed sign-ins per throttle key ('user:<lower-cased username>' or 'ip:<client address>'),
-- in the database so that every instance counts and refuses alike (LoginThrottle).
create table login_failure (
    throttle_key     varchar(255) primary key,
    failures         integer      not null,
    first_failure_at timestamp with time zone not null,
    last_failure_at  timestamp with time zone not null,
    blocked_until    timestamp with time zone
);
create index login_failure_last_failure_idx on login_failure (last_failure_at);
