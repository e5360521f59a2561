-- The wall's search (GET /api/v1/alerts?q=, lib/alerts/alert-filter-sql.ts) matched each alert through its
-- item's title, its obligation's entry and its complaint at query time: at 50,000 open alerts on the province
-- data that is a scan of a million items per search (about 1 s, most of it JIT). The text an alert is found by
-- is kept on the alert instead, lower-cased once so a search is a plain LIKE over one column of the alerts
-- in scope (about 25 ms at 50,000).
--
-- Kept by triggers rather than by the writers: alerts are opened by the check (apply-findings.ts), by tests'
-- fixtures and by the benchmark's burst, and every one of them must be searchable. What the text is made of
-- can change in one place only: an item's title, on a new version of the item (ingest-item.ts). Catalog
-- entries are versioned (an edit is a new row, obligations keep theirs) and a complaint's tracking code and
-- content are fixed at intake, so neither needs a trigger.
create function alert_search_text(message text, item_id bigint, obligation_id bigint, complaint_id bigint)
returns text language sql stable as $$
  select lower(concat_ws(' ', message,
    (select i.title from items i where i.id = item_id),
    (select c.name from obligations o join catalog_entries c on c.id = o.catalog_entry_id where o.id = obligation_id),
    (select p.tracking_code || ' ' || p.content from complaints p where p.id = complaint_id)))
$$;

alter table alerts add column search_text text not null default '';
update alerts set search_text = alert_search_text(message, item_id, obligation_id, complaint_id);

create function alerts_keep_search_text() returns trigger language plpgsql as $$
begin
  new.search_text := alert_search_text(new.message, new.item_id, new.obligation_id, new.complaint_id);
  return new;
end
$$;

create trigger alerts_search_text before insert or update of message, item_id, obligation_id, complaint_id on alerts
  for each row execute function alerts_keep_search_text();

create function items_retitle_alerts() returns trigger language plpgsql as $$
begin
  update alerts set search_text = alert_search_text(message, item_id, obligation_id, complaint_id)
  where item_id = new.id;
  return null;
end
$$;

create trigger items_title_alerts after update of title on items
  for each row when (old.title is distinct from new.title) execute function items_retitle_alerts();
