-- 投诉属实: a handler who closes a complaint (办结) records whether it was substantiated (属实) or not (不属实).
-- A substantiated complaint names the catalog entry (and the item, if any) that was not properly published,
-- and records a violation against the entry's responsible department: an alert of rule kind
-- complaint_substantiated on the complaint, and a deduction in the department's score for the month of the
-- finding. The violation stays (its deduction with it) until the handler withdraws the finding with a reason.
alter table rules drop constraint rules_kind_check;
alter table rules add constraint rules_kind_check
  check (kind in ('deadline', 'completeness', 'channel', 'complaint_sla', 'complaint_substantiated'));

alter table alerts drop constraint alerts_rule_kind_check;
alter table alerts add constraint alerts_rule_kind_check
  check (rule_kind in ('deadline', 'completeness', 'channel', 'complaint_sla', 'complaint_substantiated'));

alter table complaint_events drop constraint complaint_events_kind_check;
alter table complaint_events add constraint complaint_events_kind_check
  check (kind in ('received', 'assigned', 'accepted', 'started', 'replied', 'closed', 'returned', 'extended',
    'reopened', 'reminded', 'rated', 'noted', 'finding_withdrawn'));

-- the handler's finding at 办结; null for complaints closed without one (by a rating, or before this migration)
alter table complaints add column finding text check (finding in ('substantiated', 'unsubstantiated'));

create table complaint_violations (
  id               bigint generated always as identity primary key,
  complaint_id     bigint not null unique references complaints (id),
  catalog_entry_id bigint not null references catalog_entries (id),
  item_id          bigint references items (id),
  -- the entry's responsible department (公开主体) and position when the finding was made
  department_id    bigint not null references departments (id),
  position_id      bigint references positions (id),
  region_code      text not null references regions (code),
  found_at         timestamptz not null,
  found_by         text not null,
  withdrawn_at     timestamptz,
  withdrawn_by     text,
  withdraw_reason  text,
  check ((withdrawn_at is null) = (withdraw_reason is null))
);
-- scoring reads a month's violations per department; the check finds the standing ones of a published item
create index complaint_violations_department on complaint_violations (department_id, found_at);
create index complaint_violations_standing on complaint_violations (catalog_entry_id) where withdrawn_at is null;
