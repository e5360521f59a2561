-- Monthly reports (DESIGN §2 `report` worker): one per region and month, rebuilt in place. The figures are
-- kept as data (what the report page shows); the XLSX and the PDF printed from that page are kept beside
-- them, so a download never waits for Chromium.
create table reports (
  id          bigint generated always as identity primary key,
  region_code text not null references regions (code),
  period      text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  data        jsonb not null,
  xlsx        bytea not null,
  pdf         bytea not null,
  built_at    timestamptz not null,
  built_by    text not null,
  unique (region_code, period)
);
create index reports_period on reports (period desc, region_code);
