-- Complaint tracking (issue 5). `version` counts the complaint's state changes: an SLA alert resolved by
-- hand holds until the complaint moves to a new state (DESIGN §1 Alert lifecycle), and alerts carry it as
-- their subject_version. `returned_reason` keeps the department's latest 回退 reason on the row for the
-- handler's queue (the full history is in complaint_events).
alter table complaints add column version integer not null default 1;
alter table complaints add column returned_reason text;
alter table complaints add column extended_at timestamptz;
-- the handler's queue: every open complaint of the regions in scope
create index complaints_open on complaints (region_code, reply_due_at) where state <> 'closed';
