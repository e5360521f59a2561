// Times on the wall, always in Asia/Shanghai whatever the screen's own zone.
const dayTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const fullTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const clockTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 11-27 09:41 */
export const formatDayTime = (iso: string) => dayTime.format(new Date(iso)).replace(/\//g, '-');
/** 2026-11-27 09:41:05 */
export const formatFullTime = (iso: string) => fullTime.format(new Date(iso)).replace(/\//g, '-');
/** 09:41:05 */
export const formatClock = (ms: number) => clockTime.format(new Date(ms));

/** 刚刚 / 5 分钟前 / 3 小时前, and the day and time beyond a day. */
export function formatAge(iso: string, nowMs: number): string {
  const seconds = Math.max(0, (nowMs - Date.parse(iso)) / 1000);
  if (seconds < 60) return '刚刚';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} 小时前`;
  return formatDayTime(iso);
}

export const formatCount = (value: number) => value.toLocaleString('zh-CN');
