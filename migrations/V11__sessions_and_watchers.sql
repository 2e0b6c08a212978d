-- Sign-in sessions that ended (account.EndedSessions): the provider's session id (the tokens' `sid`) of every
-- sign-out, here or at the provider (back-channel logout). A request whose session is listed is anonymous, on every
-- instance at once. Rows are kept longer than any provider session lasts, then swept.
create table ended_session (
    sid      varchar(255) primary key,
    ended_at timestamptz  not null default now()
);
create index ended_session_ended_at on ended_session (ended_at);

-- The name watch tickets give a learner (video.WatchTickets): a random key per person instead of the sequential
-- person id, so that a ticket for someone else cannot be made from their id even with the ticket secret.
create table video_watcher (
    person_id   bigint primary key references person (id),
    watcher_key uuid   not null unique default gen_random_uuid()
);
