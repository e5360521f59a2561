// Display helpers shared by the item, catalog and department pages: every instant in Asia/Shanghai
// (DESIGN §1), as 2026-11-26 00:00. Plain functions, so server and client render the same text.
const SHANGHAI_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(SHANGHAI_MINUTE.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** '2026-11-26 00:00' (Asia/Shanghai); '—' for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** '2026-11-26' (Asia/Shanghai); '—' for none. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

export const formatCount = (value: number) => value.toLocaleString('zh-CN');
