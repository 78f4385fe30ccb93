-- A user's notes; owner_sub is the token's sub (a user's immutable id).
CREATE TABLE note (
    id          UUID                     NOT NULL PRIMARY KEY,
    owner_sub   VARCHAR(255)             NOT NULL,
    title       VARCHAR(200)             NOT NULL,
    body        VARCHAR(10000)           NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER                  NOT NULL
);

CREATE INDEX note_owner_created ON note (owner_sub, created_at);
