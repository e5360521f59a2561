// Progress of a long seed on the terminal: one line per finished phase, and during the bulk load a
// status line with a bar that is redrawn in place on a TTY (or printed every 10% when output goes
// to a file or a CI log, so the log stays short).

export interface LoadProgress {
  items: number;
  events: number;
  obligations: number;
  /** Items the plan expects in all (an estimate until the load ends). */
  itemsExpected: number;
  elapsedMs: number;
  done: boolean;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Rows per second, e.g. "12,345 行/秒". */
export function formatRate(rows: number, ms: number): string {
  return `${formatCount(ms <= 0 ? 0 : (rows * 1000) / ms)} 行/秒`;
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.round(ms / 1000)} 秒`;
}

export function progressBar(fraction: number, width = 24): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.floor(clamped * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]`;
}

/** The fraction shown: never 100% before the load has really ended, whatever the estimate said. */
export function loadFraction(p: LoadProgress): number {
  if (p.done) return 1;
  if (p.itemsExpected <= 0) return 0;
  return Math.min(0.999, p.items / p.itemsExpected);
}

const ETA_AFTER_MS = 3000;

export function formatLoadProgress(p: LoadProgress): string {
  const fraction = loadFraction(p);
  const rate = p.elapsedMs > 0 ? (p.items * 1000) / p.elapsedMs : 0;
  const remaining = !p.done && rate > 0 ? Math.max(0, p.itemsExpected - p.items) / rate : 0;
  // the first seconds (structure, the first batch planned) say nothing about the rate yet
  const isRateKnown = p.elapsedMs >= ETA_AFTER_MS && fraction >= 0.01;
  const eta = !p.done && isRateKnown && rate > 0 ? ` · 约剩 ${formatSeconds(remaining * 1000)}` : '';
  return (
    `${progressBar(fraction)} ${(fraction * 100).toFixed(1).padStart(5)}% ` +
    `公开信息 ${formatCount(p.items)}/${p.done ? formatCount(p.items) : `~${formatCount(p.itemsExpected)}`} · ` +
    `过程事件 ${formatCount(p.events)} · 公开义务 ${formatCount(p.obligations)} · ` +
    `${formatCount(rate)} 条公开信息/秒${eta}`
  );
}

export interface ProgressDisplay {
  /** A finished phase: its own line. */
  line: (text: string) => void;
  /** The bulk load's state: redrawn in place on a TTY. */
  load: (p: LoadProgress) => void;
}

const REDRAW_INTERVAL_MS = 200;

export function createProgressDisplay(out: NodeJS.WriteStream = process.stdout): ProgressDisplay {
  const isTty = Boolean(out.isTTY);
  let statusShown = false;
  let lastDraw = 0;
  let lastDecile = -1;
  const clearStatus = () => {
    if (statusShown) out.write('\r\x1b[K');
    statusShown = false;
  };
  return {
    line(text) {
      clearStatus();
      out.write(`· ${text}\n`);
    },
    load(p) {
      if (isTty) {
        const t = performance.now();
        if (!p.done && t - lastDraw < REDRAW_INTERVAL_MS) return;
        lastDraw = t;
        out.write(`\r\x1b[K  ${formatLoadProgress(p)}`);
        statusShown = true;
        if (p.done) {
          out.write('\n');
          statusShown = false;
        }
        return;
      }
      const decile = Math.floor(loadFraction(p) * 10);
      if (decile === lastDecile && !p.done) return;
      lastDecile = decile;
      out.write(`  ${formatLoadProgress(p)}\n`);
    },
  };
}
