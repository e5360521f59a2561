// Reading a V8 .cpuprofile (node --cpu-prof): where a process's CPU went, by package and by function (self
// time), plus the inclusive time of the application's own functions, optionally from `skipMs` after the
// profile started (to leave start-up out).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProfileLine {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  /** Busy (non-idle) CPU time sampled in the window, ms. */
  totalMs: number;
  packages: ProfileLine[];
  functions: ProfileLine[];
  /** Inclusive time of functions in lib/ and app/ (what the application's own calls cost, callees included). */
  app: ProfileLine[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function packageOf(url: string, functionName: string): string {
  const file = url.replace(/^file:\/\//, '');
  if (file.includes('node_modules/')) {
    const rest = file.split('node_modules/').pop()!;
    return rest.split('/').slice(0, rest.startsWith('@') ? 2 : 1).join('/');
  }
  if (file === '') return functionName.startsWith('(') ? functionName : 'native';
  if (file.startsWith('node:')) return 'node internals';
  if (file.includes('/.next/')) {
    // Next.js bundles the app's route code and its dependencies into .next/server chunks
    return /\[turbopack\]_runtime|next-server|compiled\/next/.test(file) ? 'next' : '.next chunks (app code, zod…)';
  }
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') ? 'other' : `app ${relative.split('/')[0]}/`;
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const where = file ? `${path.basename(file)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

export function summarizeProfile(file: string, options: { skipMs?: number; top?: number } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let t = 0;
  const skipUs = (options.skipMs ?? 0) * 1000;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < skipUs) continue;
    const node = nodes.get(profile.samples[i]!);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const ms = delta / 1000;
    total += ms;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = nodes.get(id)!.callFrame;
      const file = frame.url.replace(/^file:\/\//, '');
      if (!file.startsWith(ROOT) || file.includes('node_modules') || file.includes('/.next/')) continue;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const top = options.top ?? 15;
  const lines = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, selfMs: ms, share: ms / Math.max(1e-9, total) }));
  return { totalMs: total, packages: lines(byPackage, 10), functions: lines(self, top), app: lines(inclusive, top) };
}

/** Markdown lines for one profile. */
export function profileMarkdown(label: string, summary: ProfileSummary, perItems?: number): string[] {
  const per = (ms: number) => (perItems ? ` (${(ms / perItems).toFixed(2)} ms/item)` : '');
  return [
    `**${label}** — ${summary.totalMs.toFixed(0)} ms CPU sampled${per(summary.totalMs)}. By package: ${summary.packages
      .map((p) => `${p.name} ${(p.share * 100).toFixed(0)}%`)
      .join(', ')}.`,
    '',
    '| self | share | function |',
    '|---:|---:|---|',
    ...summary.functions.slice(0, 12).map((f) => `| ${f.selfMs.toFixed(0)} ms | ${(f.share * 100).toFixed(1)}% | \`${f.name}\` |`),
    '',
    ...(summary.app.length > 0
      ? [
          'Application functions, inclusive (callees counted):',
          '',
          '| inclusive | share | function |',
          '|---:|---:|---|',
          ...summary.app.slice(0, 10).map((f) => `| ${f.selfMs.toFixed(0)} ms${per(f.selfMs)} | ${(f.share * 100).toFixed(1)}% | \`${f.name}\` |`),
          '',
        ]
      : []),
  ];
}

/** The .cpuprofile a process wrote into `dir` on exit (its name carries the pid). */
export function newestProfile(dir: string, pid: number): string | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.`));
  // a process writes one profile per thread; the main thread's is the first
  return files.length > 0 ? path.join(dir, files.sort()[0]!) : null;
}
