-- The heartbeat throttle's token buckets, one per learner (watcher key), shared by every instance behind the load
-- balancer: a bucket kept in each instance's memory let a learner send as many heartbeats as there are instances
-- times the limit. A bucket untouched long enough to be full again carries no information; a sweep deletes those.
create table heartbeat_bucket (
    watcher_key uuid primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
