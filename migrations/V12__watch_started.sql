-- Coverage is plausible against the time since the learner started watching, not since the previous heartbeat: a
-- grace per heartbeat added up (heartbeats every 6 s claiming 2 x 6 s + 5 s each completed a 240 s video in 84 s).
-- Rows watched before this migration start as if watched at the allowed speed up to their last heartbeat.
alter table video_watch add column started_at timestamptz not null default now();
update video_watch set started_at = last_beat_at - (covered_ms / 2) * interval '1 millisecond';
