-- Rooms across containers (threadlab.rooms.broker=rabbitmq): which container holds a room's run, the
-- lesson its class was last sent to, and its roster, kept where every container reads them. On one
-- container (no broker) the roster stays in memory and these rows are simply not used for it.

-- The container whose run the room's followers watch (its instance id), and the room's last lesson (JSON).
alter table room add column owner varchar(64);
alter table room add column lesson varchar(4000);

-- A student of a room: one row each, so that two containers never give two students one number. The
-- member token is kept as its SHA-256, as a teacher's secret is; version counts the row's changes, so a
-- container that hears of two changes out of order keeps the newer.
create table room_member (
    room_code  varchar(8)   not null references room (code) on delete cascade,
    id         integer      not null,
    token_hash varchar(64)  not null,
    name       varchar(64)  not null,
    here       boolean      not null,
    lesson     varchar(64),
    running    boolean      not null,
    following  boolean      not null,
    wins       varchar(1000) not null,             -- JSON: [{"scenario": "deadlock", "steps": 7}]
    version    bigint       not null,
    primary key (room_code, id)
);
create index room_member_by_token on room_member (room_code, token_hash);
