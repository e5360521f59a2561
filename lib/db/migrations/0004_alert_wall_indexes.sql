-- The alert wall (监督总览) on 10,000+ unresolved alerts, without reading resolved history.
-- Counters (alert-summary.ts): every unresolved alert of the regions in scope, with the columns they are
-- grouped by, so the scan is index-only.
create index alerts_unresolved_summary on alerts (region_code) include (level, state, domain, department_id)
  where state <> 'resolved';
-- The list in opening order (newest first, paged by id): read backwards until a page of rows in scope.
create index alerts_unresolved_id on alerts (id desc) where state <> 'resolved';
-- 每日新增与解除 (daily-stats.ts): a range of days per region in scope, index-only.
create index alerts_region_opened on alerts (region_code, opened_at);
create index alerts_region_resolved on alerts (region_code, resolved_at) where resolved_at is not null;
