-- What each scope lets an application do, in words the consent page shows to the user.
-- Clients may use scopes that have no row here: the consent page then shows the bare name.
create table oauth_scope (
    name        varchar(200) primary key,
    description varchar(300) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

insert into oauth_scope (name, description, created_at, updated_at) values
    ('openid', 'Confirm who you are (your user id)', current_timestamp, current_timestamp),
    ('profile', 'See your username and profile', current_timestamp, current_timestamp),
    ('email', 'See your email address', current_timestamp, current_timestamp),
    ('offline_access', 'Stay connected while you are away', current_timestamp, current_timestamp),
    ('notes.read', 'Read your notes', current_timestamp, current_timestamp),
    ('notes.write', 'Create, change and delete your notes', current_timestamp, current_timestamp),
    ('admin', 'Administer this authorization server: applications, users and keys', current_timestamp,
        current_timestamp);
