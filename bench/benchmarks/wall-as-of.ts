// (g, issue 18) 回看: the wall as it stood a week ago on the province data — what loading `/?asOf=` costs: the
// three API calls a browser makes for it (the list's first page, the counters, the daily chart) and the
// server-rendered page, which reads all three in one snapshot. Every alert unresolved then and changed since
// reads its events, so the run's open alerts (≥ 10,000 deadline alerts, opened over the last 30 days and all
// changed since — most of them before the moment) are the hard case. A month back would find none of them.
import type { BenchRow } from '../lib/result';
import { ms, summarize } from '../lib/stats';

type TimedGet = (url: string, token: string) => Promise<{ ms: number; status: number; body: unknown }>;

const DAY_MS = 86_400_000;
const TARGET_MS = 1_000;
const DAYS_BACK = 7;

export const WALL_AS_OF_METRIC = '(g) wall as of a week back (回看): list + counters + chart APIs, p95';

export const pendingWallAsOfRow = (): BenchRow => ({ metric: WALL_AS_OF_METRIC, measured: 'pending', target: '< 1 s', met: null });

export async function measureWallAsOf(
  url: string,
  token: string,
  options: { requests: number; get: TimedGet },
): Promise<{ rows: BenchRow[]; details: string[]; raw: unknown }> {
  const moment = new Date(Date.now() - DAYS_BACK * DAY_MS).toISOString();
  const asOf = `asOf=${encodeURIComponent(moment)}`;
  const calls = [
    `/api/v1/alerts?order=opened&state=unresolved&limit=50&${asOf}`,
    `/api/v1/alerts/summary?${asOf}`,
    `/api/v1/alerts/daily?days=30&${asOf}`,
  ];
  const load = async () => {
    const answers = await Promise.all(calls.map((path) => options.get(`${url}${path}`, token)));
    return { ms: Math.max(...answers.map((a) => a.ms)), statuses: answers.map((a) => a.status), body: answers[1]!.body };
  };
  for (let i = 0; i < 3; i += 1) await load();
  const apiTimes: number[] = [];
  let statuses: number[] = [];
  let unresolvedThen = 0;
  for (let i = 0; i < options.requests; i += 1) {
    const answer = await load();
    apiTimes.push(answer.ms);
    statuses = answer.statuses;
    unresolvedThen = (answer.body as { total?: number } | null)?.total ?? 0;
  }
  const pageTimes: number[] = [];
  let pageStatus = 0;
  for (let i = 0; i < 13; i += 1) {
    const page = await options.get(`${url}/?${asOf}`, token);
    pageStatus = page.status;
    if (i >= 3) pageTimes.push(page.ms);
  }
  const api = summarize(apiTimes);
  const page = summarize(pageTimes);
  return {
    rows: [{ metric: WALL_AS_OF_METRIC, measured: ms(api.p95), target: '< 1 s', met: api.p95 < TARGET_MS && statuses.every((s) => s === 200) }],
    details: [
      `回看 (asOf ${moment}, ${DAYS_BACK} days back; ${unresolvedThen.toLocaleString('en')} alerts unresolved then in the province supervisor's scope): the list's first page (opening order, 50), the counters and the 30-day chart requested together as the browser does, ${options.requests} times after 3 warm-ups — the slowest of the three per load: p50 ${ms(api.p50)}, p95 ${ms(api.p95)} (statuses ${statuses.join('/')}); the server-rendered \`/?asOf=\` page (one snapshot of all three), 10 fetches after 3 warm-ups: p50 ${ms(page.p50, 0)}, p95 ${ms(page.p95, 0)} (status ${pageStatus}).`,
    ],
    raw: { moment, api, page, statuses, pageStatus, unresolvedThen },
  };
}
