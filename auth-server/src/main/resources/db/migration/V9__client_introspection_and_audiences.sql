-- RFC 7662 §4: a client introspects tokens issued to itself; other clients' tokens only if an
-- admin marked it as a resource server. RFC 8707: the audiences (space-separated absolute URIs)
-- a client's tokens may name; none means auth.tokens.default-audience only.
alter table oauth_client add column resource_server boolean default false not null;
alter table oauth_client add column audiences text default '' not null;
