-- The catalog entry page (an entry's obligations and how they were fulfilled) and the item page (the
-- alerts on an item or its obligations, as getItemTimeline and findItemDetail read them; a department's
-- items with their open alerts), without scanning a province's obligations or alerts.
create index obligations_entry on obligations (catalog_entry_id, due_at);
create index alerts_item on alerts (item_id) where item_id is not null;
create index alerts_obligation on alerts (obligation_id) where obligation_id is not null;
