-- One schema for H2 and PostgreSQL: only portable types.

create table oauth_client (
    id                          varchar(64)  primary key,
    client_id                   varchar(100) not null unique,
    client_name                 varchar(200) not null,
    client_type                 varchar(16)  not null,
    client_secret_hash          varchar(200),
    client_id_issued_at         timestamp with time zone not null,
    client_secret_expires_at    timestamp with time zone,
    auth_methods                varchar(200) not null,
    grant_types                 varchar(200) not null,
    redirect_uris               text         not null,
    post_logout_redirect_uris   text         not null,
    scopes                      varchar(1000) not null,
    first_party                 boolean      not null,
    require_pkce                boolean      not null,
    access_token_format         varchar(16)  not null,
    access_token_ttl_seconds    bigint       not null,
    refresh_token_ttl_seconds   bigint       not null,
    enabled                     boolean      not null,
    updated_at                  timestamp with time zone not null
);

create table oauth_authorization (
    id                    varchar(100) primary key,
    registered_client_id  varchar(64)  not null,
    principal_name        varchar(200) not null,
    grant_type            varchar(100) not null,
    authorized_scopes     varchar(1000) not null,
    attributes            text,
    version               bigint       not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    expires_at            timestamp with time zone not null
);
create index oauth_authorization_client_idx on oauth_authorization (registered_client_id);
create index oauth_authorization_principal_idx on oauth_authorization (principal_name);
create index oauth_authorization_expires_idx on oauth_authorization (expires_at);

-- Every code, token and state value, stored as the SHA-256 of the value, never the value itself.
create table oauth_token (
    token_hash        char(64)     primary key,
    authorization_id  varchar(100) not null references oauth_authorization (id) on delete cascade,
    kind              varchar(20)  not null,
    issued_at         timestamp with time zone,
    expires_at        timestamp with time zone,
    access_token_type varchar(10),
    scopes            varchar(1000),
    metadata          text
);
create index oauth_token_authorization_idx on oauth_token (authorization_id);

create table oauth_consent (
    registered_client_id varchar(64)  not null,
    principal_name       varchar(200) not null,
    authorities          varchar(1000) not null,
    granted_at           timestamp with time zone not null,
    primary key (registered_client_id, principal_name)
);

create table app_user (
    id            varchar(36)  primary key,
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    email         varchar(320),
    roles         varchar(500) not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);

create table signing_key (
    kid           varchar(64)  primary key,
    algorithm     varchar(10)  not null,
    state         varchar(16)  not null,
    jwk           text         not null,
    encrypted     boolean      not null,
    created_at    timestamp with time zone not null,
    activated_at  timestamp with time zone,
    retired_at    timestamp with time zone
);
