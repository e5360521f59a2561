-- 回看 (lib/alerts/as-of.ts): what an alert was at a past moment comes from its events up to that moment. Every
-- alert unresolved then and changed since is one probe of (alert_id, at); carrying seq and to_level in the index
-- answers its level and seq from the index alone (an append-only table stays all-visible), which on the province
-- data is most of the cost of the wall's counters a month back. Same key as the index it replaces, so the
-- timeline and the scoring facts read it as before.
create index alert_events_alert_history on alert_events (alert_id, at) include (seq, to_level);
drop index alert_events_alert;

-- the seq watermark of a moment: the highest seq among the events up to it, from the index alone
create index alert_events_at on alert_events (at) include (seq);
