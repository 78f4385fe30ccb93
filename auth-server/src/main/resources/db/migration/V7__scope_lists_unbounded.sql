-- A client may hold 100 scopes of up to 100 characters each: their lists outgrew varchar(1000)
-- (a registration with 15 long scopes failed in the database). SET DATA TYPE is standard SQL
-- that H2 and PostgreSQL both read.
alter table oauth_client alter column scopes set data type text;
alter table oauth_authorization alter column authorized_scopes set data type text;
alter table oauth_token alter column scopes set data type text;
alter table oauth_consent alter column authorities set data type text;
