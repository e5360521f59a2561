-- 公开目录 editing: every change is a new row (catalog_entries already versions by (region, code, version)
-- with one is_current row; obligations and items keep the id — the version — they were made under). A
-- change to 不予公开 waits for a city-level office: its row stays not current with approval 'pending' until
-- approved (then it becomes current) or rejected. Who proposed and who approved each version is kept.
alter table catalog_entries
  add column approval text not null default 'approved' check (approval in ('approved', 'pending', 'rejected')),
  add column changed_by text,
  add column approved_by text,
  add column approved_at timestamptz,
  add constraint catalog_entries_pending_not_current check (approval = 'approved' or not is_current);
-- at most one change of an entry waits for approval at a time
create unique index catalog_entries_pending on catalog_entries (region_code, code) where approval = 'pending';
-- 待完善: the entries whose time limit cannot be checked
create index catalog_entries_unmeasurable on catalog_entries (region_code) where is_current and time_limit->>'kind' = 'unmeasurable';
