-- One job in Redis per owed row. Owed again while its job still waits in Redis, a row is not sent again: the
-- waiting job has not read anything yet, so when it starts it takes the row as it is then (every generation
-- owed so far) and its completion settles them all. Only work owed again after the job started needs a second
-- job. Without this a department-month touched every second while the score queue was behind got a new job
-- each second and the queue grew without bound (the chaos soak measured 11,700 waiting score jobs for 354
-- owed rows after 8 minutes).
alter table owed_jobs
  -- the generation in the id of the job last sent to Redis (owed-<id>-<generation>); null: none in flight
  add column job_generation integer,
  -- that job has started and taken the row: work owed after this needs a job of its own
  add column job_taken boolean not null default false,
  -- when that job was sent (or last found alive in Redis): the relay asks Redis about it after a while
  add column job_sent_at timestamptz;

update owed_jobs set job_generation = generation, job_sent_at = sent_at where sent_at is not null;

drop index owed_jobs_sent;
create index owed_jobs_in_flight on owed_jobs (job_sent_at) where job_generation is not null;
