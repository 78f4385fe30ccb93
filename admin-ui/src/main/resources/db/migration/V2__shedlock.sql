-- ShedLock (session/SessionPurgeConfig): a scheduled job runs on one console instance per period.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
