-- 依申请公开 (issue 13): applications for government information under 《政府信息公开条例》 Art. 29–36, their
-- workflow (确认收到, 补正, consultation, extension, reply, delivery, 归档) and the statutory clock, with alerts
-- like any other subject. The row holds the current state and everything the clock, the queue, the alerts
-- and the annual report's table (part 三 of the national template) read; request_events keeps every step.
--
-- The clock (lib/requests/request-clock.ts on lib/deadlines/clock.ts): clock_started_at is the receipt
-- (Art. 31) or, after a 补正, the receipt of the corrected application (Art. 30: the count restarts); pauses
-- are the consultations since then (Art. 32–33); due/warn/severe are stored so the sweep and the queue read
-- them without the calendar. A request in `submitted` runs the confirm clock (confirm_due_at), one in
-- `correction_requested` the applicant's correction period (correction_due_at).
create table requests (
  id                        bigint generated always as identity primary key,
  tracking_code             text not null unique,
  channel                   text not null check (channel in ('online', 'letter', 'in_person')),
  state                     text not null check (state in ('submitted', 'received', 'correction_requested',
                              'consulting', 'replied', 'delivered', 'closed', 'abandoned', 'withdrawn')),
  -- the annual report's applicant columns: 自然人 / 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他)
  applicant_type            text not null check (applicant_type in ('person', 'business', 'research', 'nonprofit',
                              'legal_service', 'other')),
  -- personal data: shown only to those who handle the request, never logged nor pushed
  applicant_name            text not null,
  id_type                   text check (id_type in ('resident_id', 'passport', 'hk_macao_taiwan', 'credit_code', 'other')),
  id_no                     text,
  phone                     text not null,
  email                     text,
  address                   text,
  region_code               text not null references regions (code),
  -- the agency applied to; an applicant who did not know (不清楚) is received by the region's government office
  department_id             bigint not null references departments (id),
  department_unknown        boolean not null default false,
  description               text not null,
  purpose                   text,
  format                    text check (format in ('paper', 'electronic', 'other')),
  delivery                  text check (delivery in ('online', 'post', 'in_person', 'email')),
  submitted_at              timestamptz not null,
  confirm_due_at            timestamptz,
  received_at               timestamptz,
  -- 补正 (Art. 30): what to correct, by when; the office's notice is due 7 working days after receipt
  correction_notice_due_at  timestamptz,
  correction_requested_at   timestamptz,
  correction_what           text,
  correction_working_days   integer check (correction_working_days between 1 and 60),
  correction_due_at         timestamptz,
  corrected_at              timestamptz,
  -- the reply clock: its start, the consultations since then [{from, to?, with}], the one extension
  clock_started_at          timestamptz,
  pauses                    jsonb not null default '[]',
  paused_working_days       integer not null default 0,
  extended_working_days     integer not null default 0 check (extended_working_days between 0 and 20),
  extended_at               timestamptz,
  extension_approver        text,
  extension_reason          text,
  warn_at                   timestamptz,
  due_at                    timestamptz,
  severe_at                 timestamptz,
  is_provisional            boolean not null default false,
  -- 答复 (Art. 36) and 送达
  replied_at                timestamptz,
  reply_type                text check (reply_type in ('disclosed', 'partly_disclosed', 'withheld', 'already_public',
                              'not_exist', 'not_responsible', 'repeated', 'not_a_request')),
  reply_text                text,
  reply_basis               text,
  -- the template's sub-row (不予公开 的理由, 无法提供 / 不予处理 的情形), when the type has them
  reply_ground              text,
  reply_attachments         jsonb not null default '[]',
  delivered_at              timestamptz,
  delivery_method           text check (delivery_method in ('online', 'post', 'in_person', 'email')),
  -- 归档, 视为放弃申请 or 撤回: the request left the office's hands
  closed_at                 timestamptz,
  level                     text not null default 'none' check (level in ('none', 'yellow', 'orange', 'red')),
  next_check_at             timestamptz,
  -- counts state changes: a request alert resolved by hand holds until the request moves on (alerts.subject_version)
  version                   integer not null default 1,
  created_by                text not null,
  updated_at                timestamptz not null,
  -- only an online application awaiting 确认收到 (or withdrawn while it waited) has no receipt
  check (case when state = 'submitted' then received_at is null else received_at is not null or state = 'withdrawn' end),
  check ((extended_working_days = 0) = (extended_at is null)),
  check (reply_type is null or replied_at is not null),
  check ((state in ('closed', 'abandoned', 'withdrawn')) = (closed_at is not null)),
  check (warn_at is null or (warn_at <= due_at and due_at <= severe_at))
);
-- the sweep reads only this index: requests still open, ordered by their next threshold
create index requests_next_check on requests (next_check_at)
  where state in ('submitted', 'received', 'correction_requested', 'consulting') and next_check_at is not null;
-- the office's queue: open requests of the regions in scope by time left
create index requests_open on requests (region_code, due_at)
  where state not in ('closed', 'abandoned', 'withdrawn');
create index requests_region on requests (region_code, submitted_at desc);
create index requests_department on requests (department_id, submitted_at desc);
-- the annual report counts by receipt and by reply within a region and year
create index requests_region_received on requests (region_code, received_at);

create table request_events (
  id          bigint generated always as identity primary key,
  request_id  bigint not null references requests (id),
  kind        text not null check (kind in ('submitted', 'received', 'correction_requested', 'corrected',
                'consultation_started', 'consultation_ended', 'extended', 'replied', 'delivered', 'closed',
                'abandoned', 'withdrawn')),
  -- when it happened (the action's `at`); recorded_at is when it was entered
  at          timestamptz not null,
  recorded_at timestamptz not null,
  actor       text not null,
  from_state  text,
  to_state    text,
  note        text,
  data        jsonb
);
create index request_events_request on request_events (request_id, at, id);

alter table rules drop constraint rules_kind_check;
alter table rules add constraint rules_kind_check
  check (kind in ('deadline', 'completeness', 'channel', 'complaint_sla', 'complaint_substantiated',
    'request_reply', 'request_confirm', 'request_correction'));

alter table alerts drop constraint alerts_rule_kind_check;
alter table alerts add constraint alerts_rule_kind_check
  check (rule_kind in ('deadline', 'completeness', 'channel', 'complaint_sla', 'complaint_substantiated',
    'request_reply', 'request_confirm', 'request_correction'));

alter table alerts drop constraint alerts_subject_type_check;
alter table alerts add constraint alerts_subject_type_check
  check (subject_type in ('item', 'obligation', 'complaint', 'request'));

alter table alerts add column request_id bigint references requests (id);
create index alerts_request on alerts (request_id) where request_id is not null;

-- A request alert is found on the wall by the request's tracking code and description (0058's search text),
-- never by the applicant's personal data.
create function alert_search_text(message text, item_id bigint, obligation_id bigint, complaint_id bigint, request_id bigint)
returns text language sql stable as $$
  select lower(concat_ws(' ', message,
    (select i.title from items i where i.id = item_id),
    (select c.name from obligations o join catalog_entries c on c.id = o.catalog_entry_id where o.id = obligation_id),
    (select p.tracking_code || ' ' || p.content from complaints p where p.id = complaint_id),
    (select r.tracking_code || ' ' || r.description from requests r where r.id = request_id)))
$$;

create or replace function alerts_keep_search_text() returns trigger language plpgsql as $$
begin
  new.search_text := alert_search_text(new.message, new.item_id, new.obligation_id, new.complaint_id, new.request_id);
  return new;
end
$$;

drop trigger alerts_search_text on alerts;
create trigger alerts_search_text before insert or update of message, item_id, obligation_id, complaint_id, request_id
  on alerts for each row execute function alerts_keep_search_text();

create or replace function items_retitle_alerts() returns trigger language plpgsql as $$
begin
  update alerts set search_text = alert_search_text(message, item_id, obligation_id, complaint_id, request_id)
  where item_id = new.id;
  return null;
end
$$;

drop function alert_search_text(text, bigint, bigint, bigint);
