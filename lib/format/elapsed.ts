// How long something has lasted, as the wall says it: "35 秒", "2 分 05 秒", "1 小时 02 分".

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} 秒`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} 分 ${pad(seconds % 60)} 秒`;
  return `${Math.floor(minutes / 60)} 小时 ${pad(minutes % 60)} 分`;
}
