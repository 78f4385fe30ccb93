-- Where each username last signed in successfully ('user+ip:<user>|<address>' keys): an address
-- blocked for too many failures still lets those users in (LoginThrottle), so nobody behind a
-- shared NAT or proxy can lock out the people who sign in from there every day.
create table known_sign_in (
    throttle_key   varchar(255) primary key,
    last_success_at timestamp with time zone not null
);
create index known_sign_in_last_success_idx on known_sign_in (last_success_at);
