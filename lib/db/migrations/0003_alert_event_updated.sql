-- An unresolved alert whose finding changes without a level change (e.g. an update fixes one missing
-- element of two) records an 'updated' event; 'reopened' is kept for alerts opened again after a fix.
alter table alert_events drop constraint alert_events_kind_check;
alter table alert_events add constraint alert_events_kind_check
  check (kind in ('opened', 'level_changed', 'updated', 'acknowledged', 'assigned', 'resolved'));
