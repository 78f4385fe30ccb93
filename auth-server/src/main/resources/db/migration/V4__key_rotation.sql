-- Staged key rotation: a new key is published before it signs (activate_at), and a key that
-- stopped signing stays published for verification until its last token expired (retire_at).
-- State VERIFY_ONLY joins PUBLISHED, SIGNING and RETIRED (state is a varchar, nothing to alter).
alter table signing_key add column activate_at timestamp with time zone;
alter table signing_key add column retire_at timestamp with time zone;
