-- Sign-in attempts whose password check is under way, per throttle key (LoginThrottle): a burst of
-- parallel attempts beyond what the key still allows waits for their outcome instead of reaching
-- the password check. last_attempt_at lets a count left by a stopped instance expire.
alter table login_failure add column attempts_in_progress integer default 0 not null;
alter table login_failure add column last_attempt_at timestamp with time zone;
