-- The device authorization grant (RFC 8628). Device and user codes live in oauth_token like the
-- other codes (kinds DEVICE_CODE and USER_CODE, as SHA-256 hashes).

-- When each device code was last polled and the interval it must keep (slow_down adds 5 s): in the
-- database, so that polls spread over instances by a balancer are paced as one. Gone with the code.
create table device_poll (
    device_code_hash char(64) primary key references oauth_token (token_hash) on delete cascade,
    last_poll_at     timestamp with time zone not null,
    interval_seconds integer not null
);

-- Wrong user codes typed on /activate per signed-in user, in fixed windows: the code space is
-- small (20^8), so guessing is rationed. Counted per user only, so nobody can use up another's.
create table user_code_attempt (
    user_id      varchar(36) primary key,
    window_start timestamp with time zone not null,
    failures     integer not null
);
