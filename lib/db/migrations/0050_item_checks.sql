-- 完整还原 shows every check of an item and the rule versions that judged it, also the checks that found
-- nothing (an alert records only what was found). One row per item per check, written in the check's
-- transaction; verdicts: [{kind, ruleId, ruleName, ruleVersion, finding}] for completeness and channels, a
-- null rule when no enabled rule governs the item, a null finding when it passed or was not judged.
create table item_checks (
  id           bigint generated always as identity primary key,
  item_id      bigint not null references items (id),
  item_version integer not null,
  at           timestamptz not null,
  -- false while the item is not published or withdrawn: nothing to judge
  judged       boolean not null,
  verdicts     jsonb not null
);
create index item_checks_item on item_checks (item_id, at);
