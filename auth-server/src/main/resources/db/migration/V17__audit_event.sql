-- The audit trail: who did what, from where, when. Written in batches; purged after
-- auth.audit.retention. details is a small JSON object naming what was acted on, never a secret.
create table audit_event (
    id          varchar(36) primary key,
    occurred_at timestamp with time zone not null,
    type        varchar(64) not null,
    actor       varchar(200),
    ip          varchar(64),
    outcome     varchar(16) not null,
    -- the client the event is about (done by it or naming it), for a client's own trail
    client_id   varchar(200),
    details     text not null
);

create index audit_event_occurred_at on audit_event (occurred_at);
create index audit_event_type on audit_event (type, occurred_at);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_client_id on audit_event (client_id, occurred_at);
