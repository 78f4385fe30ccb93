-- Revoked client_credentials JWTs (which have no row of their own), kept until they expire.
create table revoked_jti (
    jti        varchar(100) primary key,
    expires_at timestamp with time zone not null
);
create index revoked_jti_expires_idx on revoked_jti (expires_at);
