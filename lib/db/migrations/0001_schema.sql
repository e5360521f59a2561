-- Disclosure Watch domain schema (DESIGN §1). All times are timestamptz; calendar days are date.

create table regions (
  code        text primary key check (code ~ '^[0-9]{6}$'),
  name        text not null,
  short_name  text not null,
  level       text not null check (level in ('province', 'city', 'county')),
  parent_code text references regions (code),
  -- dotted chain of codes from the province down to this region; a scope is a prefix of it
  path        text not null unique,
  is_pilot    boolean not null default false,
  check ((level = 'province') = (parent_code is null))
);
create index regions_path_prefix on regions (path text_pattern_ops);
create index regions_parent on regions (parent_code);

create table departments (
  id          bigint generated always as identity primary key,
  region_code text not null references regions (code),
  code        text not null,
  -- 组织机构代码: the front segment of every 索引号 the department issues
  org_code    text not null check (org_code ~ '^[0-9A-Z]{9}$'),
  name        text not null,
  short_name  text not null,
  domains     text[] not null default '{}',
  created_at  timestamptz not null,
  unique (region_code, code),
  unique (org_code)
);
create index departments_region on departments (region_code);

create table positions (
  id            bigint generated always as identity primary key,
  department_id bigint not null references departments (id),
  code          text not null,
  name          text not null,
  unique (department_id, code)
);

create table users (
  id            bigint generated always as identity primary key,
  username      text not null unique check (username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
  display_name  text not null,
  password_hash text not null,
  role          text not null check (role in ('admin', 'supervisor', 'leader', 'handler', 'dept')),
  region_code   text not null references regions (code),
  department_id bigint references departments (id),
  is_active     boolean not null default true,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  check ((role = 'dept') = (department_id is not null))
);

create table sessions (
  -- sha-256 of the cookie token: a leaked table does not yield usable cookies
  token_hash   text primary key,
  user_id      bigint not null references users (id),
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  last_seen_at timestamptz not null,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
create index sessions_user on sessions (user_id) where revoked_at is null;

create table api_keys (
  id            bigint generated always as identity primary key,
  department_id bigint not null references departments (id),
  key_hash      text not null unique,
  key_prefix    text not null,
  label         text not null default '',
  created_by    text not null,
  created_at    timestamptz not null,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index api_keys_department on api_keys (department_id);

create table catalog_entries (
  id                bigint generated always as identity primary key,
  region_code       text not null references regions (code),
  code              text not null,
  version           integer not null check (version >= 1),
  is_current        boolean not null,
  category          text not null default '',
  name              text not null,
  domain            text not null check (domain in ('urban_rural_planning', 'major_projects', 'budgets',
                      'taxation', 'environment', 'food_drug', 'work_safety', 'public_culture',
                      'public_legal', 'other')),
  department_id     bigint not null references departments (id),
  position_id       bigint references positions (id),
  basis             text not null,
  content           text not null,
  required_elements text[] not null default '{}',
  time_limit        jsonb not null check (time_limit ? 'kind' and time_limit ? 'text'),
  time_limit_text   text not null,
  channels          text[] not null default '{}' check (channels <@ array['website', 'open_platform',
                      'wechat', 'weibo', 'app', 'bulletin', 'service_center', 'press', 'targeted']),
  audience          text not null default 'public' check (audience in ('public', 'specific')),
  mode              text not null check (mode in ('proactive', 'on_request', 'withheld')),
  withheld_reason   text,
  level             text not null default 'county' check (level in ('county', 'township')),
  created_at        timestamptz not null,
  retired_at        timestamptz,
  unique (region_code, code, version),
  check (mode <> 'withheld' or withheld_reason is not null)
);
create unique index catalog_entries_current on catalog_entries (region_code, code) where is_current;
create index catalog_entries_department on catalog_entries (department_id) where is_current;

create table items (
  id               bigint generated always as identity primary key,
  department_id    bigint not null references departments (id),
  external_id      text not null,
  catalog_entry_id bigint not null references catalog_entries (id),
  region_code      text not null references regions (code),
  position_id      bigint references positions (id),
  version          integer not null default 1,
  title            text not null,
  index_no         text,
  doc_no           text,
  publisher        text,
  summary          text,
  body             text,
  url              text,
  channels         text[] not null default '{}',
  fields           jsonb not null default '{}',
  attachments      jsonb not null default '[]',
  formed_at        timestamptz not null,
  published_at     timestamptz,
  event_at         timestamptz,
  received_at      timestamptz not null,
  updated_at       timestamptz not null,
  withdrawn_at     timestamptz,
  -- a hash of the normalized payload, so a resend of the same payload changes nothing
  payload_hash     text not null,
  unique (department_id, external_id),
  check (published_at is null or published_at >= formed_at)
);
create index items_entry on items (catalog_entry_id);
create index items_region on items (region_code, formed_at desc);
create index items_department on items (department_id, formed_at desc);

create table item_events (
  id         bigint generated always as identity primary key,
  item_id    bigint not null references items (id),
  kind       text not null check (kind in ('formed', 'submitted', 'reviewed', 'approved', 'published',
               'updated', 'withdrawn')),
  at         timestamptz not null,
  actor      text not null,
  diff       jsonb,
  note       text
);
create index item_events_item on item_events (item_id, at);

create table obligations (
  id               bigint generated always as identity primary key,
  catalog_entry_id bigint not null references catalog_entries (id),
  department_id    bigint not null references departments (id),
  region_code      text not null references regions (code),
  position_id      bigint references positions (id),
  item_id          bigint references items (id),
  -- periodic and fixed-date obligations: the period they cover, e.g. 2026-Q3, 2026-05, 2025
  period_key       text,
  anchor_at        timestamptz not null,
  warn_at          timestamptz not null,
  due_at           timestamptz not null,
  severe_at        timestamptz not null,
  is_provisional   boolean not null default false,
  state            text not null default 'open' check (state in ('open', 'fulfilled', 'cancelled')),
  level            text not null default 'none' check (level in ('none', 'yellow', 'orange', 'red')),
  fulfilled_at     timestamptz,
  -- lateness kept for scoring: fulfilled after due_at
  is_late          boolean,
  -- the next warn/due/severe instant the sweep must act on; null once nothing is left to cross
  next_check_at    timestamptz,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  check (warn_at <= due_at and due_at <= severe_at),
  check ((state = 'fulfilled') = (fulfilled_at is not null)),
  check ((item_id is null) <> (period_key is null))
);
create unique index obligations_item on obligations (item_id) where item_id is not null;
create unique index obligations_period on obligations (department_id, catalog_entry_id, period_key)
  where period_key is not null;
-- the sweep reads only this index: open obligations ordered by their next threshold
create index obligations_next_check on obligations (next_check_at) where state = 'open' and next_check_at is not null;
create index obligations_region_open on obligations (region_code) where state = 'open';
create index obligations_department on obligations (department_id, due_at);
create index obligations_provisional on obligations (due_at) where is_provisional and state = 'open';

create table rules (
  id                bigint generated always as identity primary key,
  kind              text not null check (kind in ('deadline', 'completeness', 'channel', 'complaint_sla')),
  name              text not null,
  scope_region_code text references regions (code),
  scope_domain      text,
  scope_entry_id    bigint references catalog_entries (id),
  params            jsonb not null default '{}',
  level             text not null check (level in ('yellow', 'orange', 'red')),
  enabled           boolean not null default true,
  version           integer not null default 1,
  created_at        timestamptz not null,
  updated_at        timestamptz not null
);
create unique index rules_scope on rules (kind, coalesce(scope_region_code, ''), coalesce(scope_domain, ''),
  coalesce(scope_entry_id, 0));

create sequence alert_seq;

create table complaints (
  id                bigint generated always as identity primary key,
  tracking_code     text not null unique,
  channel           text not null check (channel in ('phone', 'onsite', 'online')),
  state             text not null check (state in ('received', 'assigned', 'accepted', 'in_progress',
                      'replied', 'closed', 'returned', 'reopened')),
  complainant_name  text,
  phone             text not null,
  content           text not null,
  region_code       text not null references regions (code),
  department_id     bigint references departments (id),
  position_id       bigint references positions (id),
  catalog_entry_id  bigint references catalog_entries (id),
  item_id           bigint references items (id),
  attachments       jsonb not null default '[]',
  received_at       timestamptz not null,
  assigned_at       timestamptz,
  accepted_at       timestamptz,
  replied_at        timestamptz,
  closed_at         timestamptz,
  assign_due_at     timestamptz not null,
  accept_due_at     timestamptz,
  reply_due_at      timestamptz not null,
  reply             text,
  satisfaction      text check (satisfaction in ('very_satisfied', 'satisfied', 'basically_satisfied',
                      'dissatisfied', 'very_dissatisfied')),
  rating_comment    text,
  level             text not null default 'none' check (level in ('none', 'yellow', 'orange', 'red')),
  next_check_at     timestamptz,
  created_by        text,
  updated_at        timestamptz not null
);
create index complaints_next_check on complaints (next_check_at) where state <> 'closed' and next_check_at is not null;
create index complaints_region on complaints (region_code, received_at desc);
create index complaints_department on complaints (department_id, received_at desc);

create table complaint_events (
  id           bigint generated always as identity primary key,
  complaint_id bigint not null references complaints (id),
  kind         text not null check (kind in ('received', 'assigned', 'accepted', 'started', 'replied',
                 'closed', 'returned', 'extended', 'reopened', 'reminded', 'rated', 'noted')),
  at           timestamptz not null,
  actor        text not null,
  from_state   text,
  to_state     text,
  note         text,
  data         jsonb
);
create index complaint_events_complaint on complaint_events (complaint_id, at);

create table alerts (
  id                     bigint generated always as identity primary key,
  seq                    bigint not null default nextval('alert_seq'),
  rule_id                bigint not null references rules (id),
  rule_kind              text not null check (rule_kind in ('deadline', 'completeness', 'channel', 'complaint_sla')),
  level                  text not null check (level in ('yellow', 'orange', 'red')),
  state                  text not null check (state in ('open', 'acknowledged', 'resolved')),
  subject_type           text not null check (subject_type in ('item', 'obligation', 'complaint')),
  subject_id             bigint not null,
  -- version of the subject the alert was raised on; a manual resolve holds until the subject changes
  subject_version        integer not null default 1,
  item_id                bigint references items (id),
  obligation_id          bigint references obligations (id),
  complaint_id           bigint references complaints (id),
  department_id          bigint not null references departments (id),
  position_id            bigint references positions (id),
  region_code            text not null references regions (code),
  domain                 text,
  message                text not null,
  details                jsonb not null default '{}',
  opened_at              timestamptz not null,
  updated_at             timestamptz not null,
  acknowledged_at        timestamptz,
  acknowledged_by        text,
  assigned_department_id bigint references departments (id),
  assigned_position_id   bigint references positions (id),
  resolved_at            timestamptz,
  resolved_by            text,
  resolution             text check (resolution in ('auto', 'manual')),
  resolve_reason         text,
  check ((state = 'resolved') = (resolved_at is not null)),
  check (resolution <> 'manual' or resolve_reason is not null)
);
-- at most one unresolved alert per rule kind and subject (DESIGN §1 alert lifecycle)
create unique index alerts_one_unresolved on alerts (rule_kind, subject_type, subject_id) where state <> 'resolved';
create unique index alerts_seq on alerts (seq);
create index alerts_region_open on alerts (region_code, seq desc) where state <> 'resolved';
create index alerts_department on alerts (department_id, seq desc);
create index alerts_subject on alerts (subject_type, subject_id);

create table alert_events (
  id         bigint generated always as identity primary key,
  alert_id   bigint not null references alerts (id),
  seq        bigint not null,
  kind       text not null check (kind in ('opened', 'level_changed', 'acknowledged', 'assigned', 'resolved')),
  at         timestamptz not null,
  actor      text not null,
  from_level text,
  to_level   text,
  note       text,
  data       jsonb
);
create index alert_events_alert on alert_events (alert_id, at);

create table score_weights (
  version    integer primary key,
  weights    jsonb not null,
  created_by text not null,
  created_at timestamptz not null
);

create table scores (
  id             bigint generated always as identity primary key,
  subject_type   text not null check (subject_type in ('department', 'position')),
  department_id  bigint not null references departments (id),
  position_id    bigint references positions (id),
  region_code    text not null references regions (code),
  period         text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  total          numeric(5, 2) check (total between 0 and 100),
  breakdown      jsonb not null,
  weights_version integer,
  computed_at    timestamptz not null,
  check ((subject_type = 'position') = (position_id is not null))
);
create unique index scores_subject on scores (subject_type, department_id, coalesce(position_id, 0), period);
create index scores_period on scores (period, region_code);

-- only the exceptions to Mon–Fri: official days off and adjusted working weekends (调休上班)
create table calendar_days (
  day  date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text
);

-- a year counts as loaded when its row exists; deadlines into other years are provisional
create table calendar_years (
  year      integer primary key check (year between 2000 and 2100),
  source    text not null,
  loaded_by text not null,
  loaded_at timestamptz not null
);

create table audit_log (
  id        bigint generated always as identity primary key,
  at        timestamptz not null,
  actor     text not null,
  entity    text not null check (entity in ('calendar', 'rule', 'catalog_entry', 'user', 'api_key', 'score_weights')),
  entity_id text not null,
  action    text not null,
  before    jsonb,
  after     jsonb
);
create index audit_log_entity on audit_log (entity, at desc);
