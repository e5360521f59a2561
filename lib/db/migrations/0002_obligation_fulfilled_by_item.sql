-- The item whose publication fulfilled an obligation. Event-triggered obligations already name their
-- item in item_id; periodic and fixed-date ones cannot (item_id is null exactly when period_key is set),
-- so without this column a monthly report's obligation would not say which item settled it, and the
-- item's timeline (完整还原) could not show the obligation it fulfilled.
alter table obligations add column fulfilled_by_item_id bigint references items (id);
create index obligations_fulfilled_by_item on obligations (fulfilled_by_item_id) where fulfilled_by_item_id is not null;
