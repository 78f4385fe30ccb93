-- Grants and consents name their user by the immutable id, never by username: a user deleted and
-- then created again under the same name must not inherit the old one's grants (hardening #1).
-- Client_credentials grants name their client, not a user: left as they are.
update oauth_authorization set principal_name =
        (select u.id from app_user u where u.username = oauth_authorization.principal_name)
    where grant_type <> 'client_credentials'
      and exists (select 1 from app_user u where u.username = oauth_authorization.principal_name);
update oauth_consent set principal_name =
        (select u.id from app_user u where u.username = oauth_consent.principal_name)
    where exists (select 1 from app_user u where u.username = oauth_consent.principal_name);

-- Bumped whenever a user's browser sessions must end (disabled, new password, new roles): a
-- session remembers the version it signed in with and ends when the two differ (SessionValidity).
alter table app_user add column session_version bigint default 0 not null;
