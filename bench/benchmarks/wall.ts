// (g, issue 4) the alert wall on the province data: its first load in Chromium (HTML and the API calls it
// makes) and the alert list API's p95 over various filters, with ≥ 10,000 open alerts (deadline alerts for
// the province's overdue obligations are added to the run's copy when there are fewer); then (issue 18) the
// same wall in a burst of 50,000 open alerts: its list, search, counters and chart under filters, and its
// first load.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SESSION_COOKIE_NAME } from '../../lib/auth/session-cookie';
import { createSession } from '../../lib/auth/sessions';
import { processCpuMs } from '../lib/cpu';
import type { Harness } from '../lib/harness';
import type { LoadSnapshot } from '../lib/machine';
import { loadLine, type BenchResult } from '../lib/result';
import { median, ms, summarize, wallNow } from '../lib/stats';
import { measureWallAsOf, pendingWallAsOfRow } from './wall-as-of';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WALL_PAGE = path.join(ROOT, 'app', '(dashboard)', 'page.tsx');

export interface WallStatus {
  ready: boolean;
  why: string;
}

/** The wall counts as there when app/(dashboard)/page.tsx is a real page about alerts and the build has it. */
export function wallStatus(): WallStatus {
  if (!existsSync(WALL_PAGE)) return { ready: false, why: 'app/(dashboard)/page.tsx does not exist yet' };
  const source = readFileSync(WALL_PAGE, 'utf8');
  if (!/alert|预警/i.test(source) || source.length < 300) {
    return { ready: false, why: 'app/(dashboard)/page.tsx is not the alert wall yet' };
  }
  try {
    const manifest = readFileSync(path.join(ROOT, '.next', 'app-path-routes-manifest.json'), 'utf8');
    if (!manifest.includes('"/(dashboard)/page"')) return { ready: false, why: 'the production build in .next predates the wall' };
  } catch {
    return { ready: false, why: 'no production build in .next' };
  }
  return { ready: true, why: '' };
}

export function pendingWall(why: string): BenchResult {
  return {
    id: 'g',
    title: 'alert wall (issue 4)',
    status: 'pending',
    rows: [
      { metric: '(g) wall first load (HTML + its API calls), province data', measured: 'pending', target: '< 1 s', met: null },
      { metric: '(g) alert list API p95, ≥ 10,000 open alerts', measured: 'pending', target: '≤ 100 ms', met: null },
      pendingWallAsOfRow(),
      { metric: '(g) wall first load in a burst, 50,000 open alerts', measured: 'pending', target: '< 1 s', met: null },
      { metric: '(g) wall list, search, counters and chart API p95, 50,000 open alerts', measured: 'pending', target: '≤ 100 ms', met: null },
    ],
    details: [`Pending: ${why}. \`npm run bench -- g\` measures both once the wall is in the build.`],
    loads: [],
    raw: { why },
    finishedAt: new Date().toISOString(),
    durationS: 0,
    database: '',
  };
}

/** Tops the copy up to `min` unresolved alerts with deadline alerts of overdue open obligations that have none. */
async function ensureOpenAlerts(h: Harness, min: number): Promise<{ before: number; added: number }> {
  const [row] = await h.sql<{ n: number }[]>`select count(*)::int as n from alerts where state <> 'resolved'`;
  const before = row?.n ?? 0;
  if (before >= min) return { before, added: 0 };
  const inserted = await h.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(727115310)`;
    const rows = await tx<{ id: number; seq: number; level: string; message: string }[]>`
      insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, subject_version, item_id,
        obligation_id, department_id, position_id, region_code, domain, message, details, opened_at, updated_at)
      select (select id from rules where kind = 'deadline' and scope_domain is null and scope_entry_id is null order by id limit 1),
        'deadline', o.level, 'open', 'obligation', o.id, 1, o.item_id, o.id, o.department_id, o.position_id, o.region_code,
        c.domain, c.name || '：' || case o.level when 'yellow' then '即将到期' when 'orange' then '已逾期' else '严重逾期' end,
        jsonb_build_object('dueAt', o.due_at, 'severeAt', o.severe_at), greatest(o.warn_at, now() - interval '30 days'), now()
      from obligations o join catalog_entries c on c.id = o.catalog_entry_id
      where o.state = 'open' and o.level <> 'none'
        and not exists (select 1 from alerts a where a.subject_type = 'obligation' and a.subject_id = o.id and a.state <> 'resolved')
      order by o.id
      limit ${min - before}
      returning id, seq, level, message`;
    if (rows.length > 0) {
      await tx`
        insert into alert_events (alert_id, seq, kind, at, actor, to_level, note)
        select a.id, a.seq, 'opened', a.opened_at, 'system', a.level, a.message from alerts a where a.id = any(${rows.map((r) => r.id)})`;
    }
    return rows.length;
  });
  // a burst beyond the overdue obligations (the 50,000 row): completeness alerts on items that have none, as a
  // flood of incomplete items would raise them
  const short = min - before - inserted;
  const burst = short > 0 ? await addBurstAlerts(h, short) : 0;
  await h.admin((sql) => sql`analyze alerts, alert_events`);
  return { before, added: inserted + burst };
}

async function addBurstAlerts(h: Harness, count: number): Promise<number> {
  return h.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(727115310)`;
    const rows = await tx<{ id: number }[]>`
      insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, subject_version, item_id,
        department_id, position_id, region_code, domain, message, details, opened_at, updated_at)
      select (select id from rules where kind = 'completeness' and scope_domain is null and scope_entry_id is null order by id limit 1),
        'completeness', 'yellow', 'open', 'item', i.id, 1, i.id, i.department_id, i.position_id, i.region_code, c.domain,
        '要素不全：缺少索引号、正文', '{"missing": ["indexNo", "body"]}'::jsonb, now() - (random() * interval '2 hours'), now()
      from items i join catalog_entries c on c.id = i.catalog_entry_id
      where not exists (select 1 from alerts a where a.subject_type = 'item' and a.subject_id = i.id and a.rule_kind = 'completeness'
        and a.state <> 'resolved')
      order by i.id desc
      limit ${count}
      returning id`;
    if (rows.length > 0) {
      await tx`
        insert into alert_events (alert_id, seq, kind, at, actor, to_level, note)
        select a.id, a.seq, 'opened', a.opened_at, 'system', a.level, a.message from alerts a where a.id = any(${rows.map((r) => r.id)})`;
    }
    return rows.length;
  });
}

interface Variant {
  name: string;
  token: string;
  query: string;
  /** The API path; the alert list when left out. */
  path?: string;
}

/** What the server-rendered HTML is made of: inline styles, inline scripts (the RSC payload), the rest. */
function htmlComposition(html: string): { styleKiB: number; scriptKiB: number; restKiB: number } {
  const sum = (pattern: RegExp) => [...html.matchAll(pattern)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
  const style = sum(/<style[^>]*>[\s\S]*?<\/style>/g);
  const script = sum(/<script[^>]*>[\s\S]*?<\/script>/g);
  const total = Buffer.byteLength(html);
  return { styleKiB: style / 1024, scriptKiB: script / 1024, restKiB: (total - style - script) / 1024 };
}

async function timedGet(url: string, token: string): Promise<{ ms: number; status: number; bytes: number; body: unknown; text: string }> {
  const t0 = wallNow();
  const response = await fetch(url, { headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` } });
  const text = await response.text();
  const elapsed = wallNow() - t0;
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { ms: elapsed, status: response.status, bytes: Buffer.byteLength(text), body, text };
}

interface VariantTiming {
  name: string;
  p50: number;
  p95: number;
  status: number;
  rows: number;
}

/** Each GET `requests` times in a row after 3 warm-ups; `path` defaults to the alert list. */
async function measureVariants(
  h: Harness,
  variants: readonly Variant[],
  requests: number,
): Promise<{ perVariant: VariantTiming[]; all: number[] }> {
  const perVariant: VariantTiming[] = [];
  const all: number[] = [];
  for (const variant of variants) {
    const url = `${h.url}${variant.path ?? '/api/v1/alerts'}${variant.query ? `?${variant.query}` : ''}`;
    for (let i = 0; i < 3; i += 1) await timedGet(url, variant.token);
    const times: number[] = [];
    let lastStatus = 0;
    let rows = 0;
    for (let i = 0; i < requests; i += 1) {
      const r = await timedGet(url, variant.token);
      times.push(r.ms);
      lastStatus = r.status;
      rows = ((r.body as { data?: unknown[] } | null)?.data ?? []).length;
    }
    all.push(...times);
    const s = summarize(times);
    perVariant.push({ name: variant.name, p50: s.p50, p95: s.p95, status: lastStatus, rows });
  }
  return { perVariant, all };
}

interface PageLoad {
  total: number;
  ttfb: number;
  html: number;
  domReady: number;
  load: number;
  api: number;
  apiCalls: number;
  assets: number;
  assetKiB: number;
}

/** `count` first loads of the wall in Chromium after one warm-up, a fresh context each (nothing cached). */
async function measureFirstLoads(h: Harness, token: string, count: number): Promise<PageLoad[]> {
  const pageLoads: PageLoad[] = [];
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (let i = 0; i < count + 1; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: SESSION_COOKIE_NAME, value: token, domain: '127.0.0.1', path: '/' }]);
      const page = await context.newPage();
      await page.goto(`${h.url}/`, { waitUntil: 'networkidle', timeout: 30_000 });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const apiCalls = resources.filter((r) => r.name.includes('/api/'));
        const lastApi = apiCalls.reduce((max, r) => Math.max(max, r.responseEnd), 0);
        const assets = resources.filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.name.includes('/_next/'));
        return {
          ttfb: nav ? nav.responseStart : 0,
          html: nav ? nav.responseEnd : 0,
          domReady: nav ? nav.domContentLoadedEventEnd : 0,
          load: nav ? nav.loadEventEnd : 0,
          api: lastApi,
          apiCalls: apiCalls.length,
          assets: assets.length,
          assetKiB: assets.reduce((sum, r) => sum + (r.encodedBodySize || r.transferSize || 0), 0) / 1024,
        };
      });
      await context.close();
      // the first load also warms the server's caches and the JIT: measured loads come after it
      if (i === 0) continue;
      pageLoads.push({ ...timing, total: Math.max(timing.load, timing.api) });
    }
  } finally {
    await browser.close();
  }
  return pageLoads;
}

export interface WallOptions {
  requests: number;
  loads: number;
  minOpenAlerts: number;
  /** The burst row (issue 18): the wall again once the copy holds this many open alerts; none when left out. */
  burstOpenAlerts?: number;
}

/**
 * The wall in a burst: the copy topped up to `target` open alerts, then what a province supervisor's wall asks
 * for (its list in opening order, a search, the counters and chart under a department filter) and its first load.
 */
async function measureBurst(h: Harness, token: string, target: number, options: WallOptions) {
  const topUp = await ensureOpenAlerts(h, target);
  const [open] = await h.sql<{ n: number }[]>`select count(*) filter (where state <> 'resolved')::int as n from alerts`;
  const [busy] = await h.sql<{ department_id: number }[]>`
    select department_id from alerts where state <> 'resolved' group by department_id order by count(*) desc limit 1`;
  const department = `departmentId=${busy?.department_id ?? 1}`;
  const variants: Variant[] = [
    { name: 'wall list, unresolved, opening order', token, query: 'order=opened&state=unresolved&limit=50' },
    { name: 'wall list, search 索引号', token, query: `order=opened&state=unresolved&limit=50&q=${encodeURIComponent('索引号')}` },
    { name: 'wall list, search 预算', token, query: `order=opened&state=unresolved&limit=50&q=${encodeURIComponent('预算')}` },
    { name: 'wall list, one department', token, query: `order=opened&state=unresolved&limit=50&${department}` },
    { name: 'counters, whole scope', token, query: '', path: '/api/v1/alerts/summary' },
    { name: 'counters, one department', token, query: department, path: '/api/v1/alerts/summary' },
    { name: 'counters, search 预算', token, query: `q=${encodeURIComponent('预算')}`, path: '/api/v1/alerts/summary' },
    { name: 'daily chart, one department', token, query: `days=30&${department}`, path: '/api/v1/alerts/daily' },
  ];
  const { perVariant, all } = await measureVariants(h, variants, options.requests);
  const pageLoads = await measureFirstLoads(h, token, options.loads);
  return { open: open?.n ?? 0, added: topUp.added, perVariant, api: summarize(all), pageLoads, firstLoad: median(pageLoads.map((l) => l.total)) };
}

export async function runWall(h: Harness, options: WallOptions): Promise<BenchResult> {
  const started = performance.now();
  const status = wallStatus();
  if (!status.ready) return pendingWall(status.why);
  await h.ensureServer();
  const loads: LoadSnapshot[] = [];
  const alerts = await ensureOpenAlerts(h, options.minOpenAlerts);
  const [open] = await h.sql<{ n: number; total: number; maxSeq: number }[]>`
    select count(*) filter (where state <> 'resolved')::int as n, count(*)::int as total, coalesce(max(seq), 0)::int as "maxSeq" from alerts`;
  const province = (await h.sessions(1))[0]!;
  const [county] = await h.sql<{ id: number; region_code: string }[]>`
    select u.id, u.region_code from users u join regions r on r.code = u.region_code
    where u.role = 'supervisor' and r.level = 'county' order by u.id limit 1`;
  const countyToken = county ? (await createSession(h.sql, { id: county.id })).token : province;
  const [busy] = await h.sql<{ department_id: number }[]>`
    select department_id from alerts where state <> 'resolved' group by department_id order by count(*) desc limit 1`;

  // page 2 needs the cursor page 1 hands out
  const first = await timedGet(`${h.url}/api/v1/alerts?state=unresolved&limit=50`, province);
  const cursor = (first.body as { next?: string | null } | null)?.next ?? null;
  const variants: Variant[] = [
    { name: 'province, newest 50', token: province, query: '' },
    { name: 'province, unresolved', token: province, query: 'state=unresolved' },
    { name: 'province, unresolved red', token: province, query: 'state=unresolved&level=red' },
    { name: 'province, acknowledged', token: province, query: 'state=acknowledged' },
    { name: 'province, one department', token: province, query: `departmentId=${busy?.department_id ?? 1}` },
    ...(cursor ? [{ name: 'province, unresolved page 2', token: province, query: `state=unresolved&limit=50&cursor=${cursor}` }] : []),
    { name: 'province, catch-up after seq', token: province, query: `afterSeq=${Math.max(0, (open?.maxSeq ?? 0) - 200)}` },
    { name: `county ${county?.region_code ?? ''}, unresolved`, token: countyToken, query: 'state=unresolved' },
    { name: `county ${county?.region_code ?? ''}, yellow`, token: countyToken, query: 'level=yellow' },
  ];
  loads.push(await h.beforeRun());
  const { perVariant, all } = await measureVariants(h, variants, options.requests);
  const api = summarize(all);
  const asOf = await measureWallAsOf(h.url, province, { requests: options.requests, get: timedGet });

  // the HTML alone, as the server renders it (no browser)
  const htmlTimes: number[] = [];
  let htmlBytes = 0;
  let composition = { styleKiB: 0, scriptKiB: 0, restKiB: 0 };
  const server = await h.ensureServer();
  let cpuBefore = 0;
  for (let i = 0; i < 13; i += 1) {
    if (i === 3) cpuBefore = processCpuMs(server.pid) ?? 0;
    const r = await timedGet(`${h.url}/`, province);
    if (i >= 3) htmlTimes.push(r.ms);
    htmlBytes = r.bytes;
    composition = htmlComposition(r.text);
  }
  const renderCpuMs = ((processCpuMs(server.pid) ?? 0) - cpuBefore) / 10;

  // first load in Chromium, a fresh context each time (nothing cached)
  loads.push(await h.beforeRun());
  const pageLoads = await measureFirstLoads(h, province, options.loads);
  const firstLoad = median(pageLoads.map((l) => l.total));

  // the burst comes last: its top-up stays in the copy
  if (options.burstOpenAlerts) loads.push(await h.beforeRun());
  const burst = options.burstOpenAlerts ? await measureBurst(h, province, options.burstOpenAlerts, options) : null;
  const burstRows = burst
    ? [
        {
          metric: `(g) wall first load in a burst, ${burst.open.toLocaleString('en')} open alerts`,
          measured: ms(burst.firstLoad, 0),
          target: '< 1 s',
          met: burst.firstLoad < 1000,
        },
        {
          metric: `(g) wall list, search, counters and chart API p95, ${burst.open.toLocaleString('en')} open alerts`,
          measured: ms(burst.api.p95),
          target: '≤ 100 ms',
          met: burst.api.p95 <= 100,
        },
      ]
    : [];
  const burstDetails = burst
    ? [
        '',
        `Burst (issue 18): the copy topped up to ${burst.open.toLocaleString('en')} open alerts (${burst.added.toLocaleString('en')} added: deadline alerts of overdue obligations, then completeness alerts on items without one). What the wall asks for, ${options.requests} sequential requests each after 3 warm-ups: p50 ${ms(burst.api.p50)}, p95 ${ms(burst.api.p95)}; first load median of ${options.loads} after one warm-up (${burst.pageLoads.map((l) => ms(l.total, 0)).join(', ')}).`,
        '',
        '| request | p50 | p95 | status | rows |',
        '|---|---:|---:|---:|---:|',
        ...burst.perVariant.map((v) => `| ${v.name} | ${ms(v.p50)} | ${ms(v.p95)} | ${v.status} | ${v.rows} |`),
      ]
    : [];
  return {
    id: 'g',
    title: 'alert wall (issue 4)',
    status: 'done',
    rows: [
      {
        metric: '(g) wall first load (HTML + its API calls), province data',
        measured: ms(firstLoad, 0),
        target: '< 1 s',
        met: firstLoad < 1000,
      },
      { metric: `(g) alert list API p95, ${(open?.n ?? 0).toLocaleString('en')} open alerts`, measured: ms(api.p95), target: '≤ 100 ms', met: api.p95 <= 100 },
      ...asOf.rows,
      ...burstRows,
    ],
    details: [
      `Setup: ${(open?.n ?? 0).toLocaleString('en')} unresolved of ${(open?.total ?? 0).toLocaleString('en')} alerts (${alerts.added.toLocaleString('en')} deadline alerts of overdue obligations added to the copy for this). First load: Chromium (headless, 1440×900), a fresh context per load with the province supervisor's session cookie, navigation to \`/\` until the network is idle; the figure is the later of the load event and the last /api/ response, median of ${options.loads} loads after one warm-up.`,
      ...pageLoads.map(
        (l, i) =>
          `- load ${i + 1}: ${ms(l.total, 0)} — first byte ${ms(l.ttfb, 0)}, HTML done ${ms(l.html, 0)}, DOM ready ${ms(l.domReady, 0)}, load event ${ms(l.load, 0)}; ${l.assets} scripts/styles (${l.assetKiB.toFixed(0)} KiB compressed); ${l.apiCalls} API calls${l.apiCalls > 0 ? `, last done at ${ms(l.api, 0)}` : ''}`,
      ),
      `The HTML alone (server-rendered with the alert snapshot), fetched without a browser ${htmlTimes.length} times: p50 ${ms(summarize(htmlTimes).p50, 0)}, p95 ${ms(summarize(htmlTimes).p95, 0)}, ${(htmlBytes / 1024).toFixed(0)} KiB (inline styles ${composition.styleKiB.toFixed(0)} KiB, inline scripts — the RSC payload — ${composition.scriptKiB.toFixed(0)} KiB, markup ${composition.restKiB.toFixed(0)} KiB, uncompressed); server.ts spends ${ms(renderCpuMs, 0)} of CPU per render.`,
      `Alert list API: ${options.requests} sequential requests per filter after 3 warm-ups, p50 ${ms(api.p50)}, p95 ${ms(api.p95)}, p99 ${ms(api.p99)}.`,
      '',
      '| filter | p50 | p95 | status | rows |',
      '|---|---:|---:|---:|---:|',
      ...perVariant.map((v) => `| ${v.name} | ${ms(v.p50)} | ${ms(v.p95)} | ${v.status} | ${v.rows} |`),
      '',
      ...asOf.details,
      ...burstDetails,
      '',
      loadLine(loads),
    ],
    loads,
    raw: { options, perVariant, api, asOf: asOf.raw, pageLoads, alerts, htmlTimes, htmlBytes, composition, renderCpuMs, burst },
    finishedAt: new Date().toISOString(),
    durationS: (performance.now() - started) / 1000,
    database: h.db.name,
  };
}
