-- Secret rotation with overlap: the previous secret's hash works until its expiry.
alter table oauth_client add column previous_secret_hash varchar(200);
alter table oauth_client add column previous_secret_expires_at timestamp with time zone;
alter table oauth_client add column secret_last_used_at timestamp with time zone;
alter table oauth_client add column previous_secret_last_used_at timestamp with time zone;
