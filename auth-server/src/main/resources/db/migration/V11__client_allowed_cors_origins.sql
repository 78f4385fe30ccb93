-- Origins an admin adds to a client beyond those of its redirect URIs, allowed to read the
-- token, revocation and userinfo responses in a browser (CORS). Space-separated, as redirect_uris.
alter table oauth_client add column allowed_cors_origins text not null default '';
