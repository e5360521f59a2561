-- Work that a commit makes owed (DESIGN §2): a check of an item version, a rule's re-evaluation, a rescore.
-- Producers insert the row in the transaction that makes the work owed; the relay (lib/jobs/relay.ts) moves
-- it into BullMQ and keeps resending until a worker has done it; the worker deletes it when the job is done.
-- Redis may forget a queued job (a restart without persistence, a failed add): this row does not.
create table owed_jobs (
  id         bigint generated always as identity primary key,
  -- one owed job per key (e.g. the check of one item): work owed again before it ran is the same job
  key        text not null unique,
  queue      text not null,
  name       text not null,
  payload    jsonb not null,
  -- BullMQ job options (attempts, backoff, retention)
  options    jsonb not null default '{}',
  -- owed again after it was sent: the job already sent may have read the old state, so a new job (a new
  -- BullMQ job id) is owed and the old one's completion must not delete the row
  generation integer not null default 1,
  -- operational times from the database's own clock (clock_timestamp()), not the application's: they pace
  -- the relay and measure its lag, they are never a domain time
  owed_since timestamptz not null default clock_timestamp(),
  run_after  timestamptz not null default clock_timestamp(),
  sent_at    timestamptz,
  sends      integer not null default 0
);

-- the relay's two questions: what is owed and not yet sent, and what was sent long ago and is still owed
create index owed_jobs_unsent on owed_jobs (run_after) where sent_at is null;
create index owed_jobs_sent on owed_jobs (sent_at) where sent_at is not null;

-- wakes the relays at commit (a statement-level trigger: one notification per statement, delivered once per
-- transaction); the relay also polls, so a missed notification only delays
create function notify_owed_jobs() returns trigger language plpgsql as $$
begin
  perform pg_notify('owed_jobs', '');
  return null;
end
$$;

create trigger owed_jobs_notify after insert or update of generation on owed_jobs
  for each statement execute function notify_owed_jobs();
