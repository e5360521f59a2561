-- 监督规则 version history: one row per version of a rule, as it was saved, so the rules page can show what
-- changed when and by whom (the audit trail keeps the before/after of each change as well). Rows are
-- written in the transaction that changes the rule; versions before the first change are recorded then.
create table rule_versions (
  rule_id    bigint not null references rules (id),
  version    integer not null check (version >= 1),
  params     jsonb not null,
  level      text not null check (level in ('yellow', 'orange', 'red')),
  enabled    boolean not null,
  changed_by text not null,
  changed_at timestamptz not null,
  primary key (rule_id, version)
);
