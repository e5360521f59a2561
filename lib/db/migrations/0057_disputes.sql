-- 申诉: a department disputes an alert or a score deduction (a 投诉属实 violation) with a reason and
-- attachments, within a number of working days of the alert's opening / the deduction's recording (the
-- scoring weights' disputeWorkingDays). The office accepts — the alert is resolved as an accepted exception,
-- the deduction withdrawn — or rejects, with a reason. One pending dispute per subject.
create table disputes (
  id              bigint generated always as identity primary key,
  subject_type    text not null check (subject_type in ('alert', 'deduction')),
  -- the alert's id, or the complaint_violations row's id for a deduction
  subject_id      bigint not null,
  alert_id        bigint references alerts (id),
  violation_id    bigint references complaint_violations (id),
  -- where the subject shows: the item replay and the complaint
  item_id         bigint references items (id),
  complaint_id    bigint references complaints (id),
  department_id   bigint not null references departments (id),
  region_code     text not null references regions (code),
  state           text not null default 'pending' check (state in ('pending', 'accepted', 'rejected')),
  reason          text not null,
  attachments     jsonb not null default '[]',
  filed_at        timestamptz not null,
  filed_by        text not null,
  window_ends_at  timestamptz not null,
  decided_at      timestamptz,
  decided_by      text,
  decision_reason text,
  check ((subject_type = 'alert') = (alert_id is not null and violation_id is null)),
  check ((subject_type = 'deduction') = (violation_id is not null and alert_id is null)),
  check ((state = 'pending') = (decided_at is null)),
  check ((decided_at is null) = (decision_reason is null))
);
create unique index disputes_one_pending on disputes (subject_type, subject_id) where state = 'pending';
create index disputes_department on disputes (department_id, filed_at);
create index disputes_alert on disputes (alert_id) where alert_id is not null;
create index disputes_violation on disputes (violation_id) where violation_id is not null;
create index disputes_item on disputes (item_id) where item_id is not null;

alter table audit_log drop constraint audit_log_entity_check;
alter table audit_log add constraint audit_log_entity_check
  check (entity in ('calendar', 'rule', 'catalog_entry', 'user', 'api_key', 'score_weights', 'dispute'));
