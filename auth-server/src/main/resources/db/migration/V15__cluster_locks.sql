-- Several instances on one database.
-- The one row instances lock (SELECT ... FOR UPDATE) while creating what a first start creates
-- (admin user, built-in clients, signing keys): started together, one creates, the others wait.
create table startup_lock (
    id integer primary key
);
insert into startup_lock (id) values (1);

-- ShedLock (cluster/ScheduledJobLocks): a scheduled job runs on one instance per period.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
