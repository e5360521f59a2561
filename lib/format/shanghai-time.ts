// How instants and counts read on every page, report and message: always in Asia/Shanghai whatever the
// screen's or server's own zone (DESIGN §1), with hyphens and a 24-hour clock — 2026-11-26 09:41.
// Plain functions over Intl, so the server's render and the browser's hydration print the same text.
const SHANGHAI_SECOND = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type Instant = string | number | Date;

function parts(instant: Instant): Record<Intl.DateTimeFormatPartTypes, string> {
  const fields = SHANGHAI_SECOND.formatToParts(new Date(instant)).map((part) => [part.type, part.value]);
  return Object.fromEntries(fields) as Record<Intl.DateTimeFormatPartTypes, string>;
}

/** '2026-11-26 09:41'; '—' for none. */
export function formatTime(instant: Instant | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '—';
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** '2026-11-26'; '—' for none. */
export function formatDay(instant: Instant | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '—';
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** '2026-11-26 09:41:05' */
export function formatFullTime(instant: Instant): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** '2026-12-01T00:00:00+08:00': an instant in the API as DESIGN §3 writes a request's dueAt (24:00 of 11-30). */
export function formatIsoShanghai(instant: Instant): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+08:00`;
}

/** '11-26 09:41', for lists where the year goes without saying. */
export function formatDayTime(instant: Instant): string {
  const p = parts(instant);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** '09:41:05' */
export function formatClock(instant: Instant): string {
  const p = parts(instant);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 刚刚 / 5 分钟前 / 3 小时前, and the day and time beyond a day. */
export function formatAge(instant: Instant, nowMs: number): string {
  const seconds = Math.max(0, (nowMs - new Date(instant).getTime()) / 1000);
  if (seconds < 60) return '刚刚';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} 小时前`;
  return formatDayTime(instant);
}

/** 12,345 */
export const formatCount = (value: number) => value.toLocaleString('zh-CN');
