// A record id from a page URL: digits only, within the bigint ids Postgres hands out; anything else is a 404.
export function parseRouteId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && Number.isSafeInteger(id) ? id : null;
}
