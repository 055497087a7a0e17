-- Rooms and saved runs. Written for both engines the server runs on: H2 (embedded, the default) and
-- PostgreSQL (spring.datasource.*). Times are instants (UTC).

-- A room while it may be joined: what a teacher needs to take it back after a restart or from another
-- server. Its live state (its run, its followers, its roster) is not kept here.
create table room (
    code        varchar(8)  primary key,
    secret_hash varchar(64) not null,               -- SHA-256 of the teacher's secret, in hex; never the secret
    created_at  timestamp with time zone not null,
    active_at   timestamp with time zone not null,
    ended_at    timestamp with time zone
);

-- A saved run: what its link shows before the recording is read; its id is 128 random bits.
create table saved_run (
    id         varchar(32) primary key,
    scenario   varchar(64) not null,
    outcome    varchar(16) not null,
    room_code  varchar(8)  references room (code) on delete set null,
    saved_at   timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    size_bytes integer     not null                  -- the recording's JSON, before compression
);
create index saved_run_by_room on saved_run (room_code, saved_at);
create index saved_run_by_expiry on saved_run (expires_at);

-- The recording itself (gzip of its JSON), apart, so that listing runs never reads one.
create table saved_recording (
    id   varchar(32) primary key references saved_run (id) on delete cascade,
    body bytea       not null
);
