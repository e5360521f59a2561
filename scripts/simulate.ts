// The demo's simulator: pilot departments publishing through the real ingest API with their own keys, at a
// human pace — mostly on time, some late, some incomplete and fixed a minute later, some formed and
// published later — so alerts open and resolve while someone watches. Citizens file online complaints
// through the public form's endpoint now and then, so the handler's queue fills live, and apply for information
// (依申请公开) every few minutes, so the office's request queue does too; the pace stays inside the endpoints'
// per-address limits (PUBLIC_COMPLAINT_LIMIT_PER_IP, each endpoint its own budget). Stops on SIGTERM / Ctrl-C.
import { runCli } from '../lib/cli/run-cli';
import { now } from '../lib/clock';
import { sql } from '../lib/db/sql';
import { getEnv } from '../lib/env';
import { planComplaint } from '../lib/simulator/plan-complaint';
import { planPublication, type PlannedPublication } from '../lib/simulator/plan-publication';
import { planRequest } from '../lib/simulator/plan-request';
import { pickPublication, preparePublishers, type Publisher } from '../lib/simulator/publishers';
import { mulberry32 } from '../seeds/prng';

const SIMULATOR_KEY_LABEL = '演示模拟器';
const MIN_PAUSE_MS = 1_500;
const MAX_PAUSE_MS = 4_000;
// one online complaint every 45–90 s: about 9 per 10 minutes, under the default 20 per address
const MIN_COMPLAINT_PAUSE_MS = 45_000;
const MAX_COMPLAINT_PAUSE_MS = 90_000;
const FIRST_COMPLAINT_AFTER_MS = 5_000;
// one online request for information every 3–6 minutes
const MIN_REQUEST_PAUSE_MS = 180_000;
const MAX_REQUEST_PAUSE_MS = 360_000;
const FIRST_REQUEST_AFTER_MS = 20_000;

const SCENARIO_LABELS: Record<PlannedPublication['scenario'], string> = {
  on_time: '按时公开',
  late: '超期公开',
  incomplete: '要素不全（稍后补正）',
  unpublished: '已形成未公开（稍后公开）',
};

await runCli(async () => {
  const baseUrl = process.env.SIMULATOR_TARGET ?? `http://127.0.0.1:${getEnv().PORT}`;
  // earlier runs' keys are revoked, so one simulator leaves one live key per department
  const publishers = await preparePublishers(sql, { label: SIMULATOR_KEY_LABEL, createdBy: 'simulator', at: now() });
  if (publishers.length === 0) throw new Error('没有可模拟的试点部门，请先运行 npm run seed / no pilot departments: seed first');
  const random = mulberry32(Date.now() % 2 ** 31);
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let serial = 0;

  async function send(publisher: Publisher, payload: Record<string, unknown>, label: string): Promise<void> {
    const response = await fetch(`${baseUrl}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${publisher.key}` },
      body: JSON.stringify(payload),
    }).catch((error: Error) => ({ status: 0, text: async () => error.message }));
    const outcome = response.status === 200 || response.status === 201 ? `${response.status}` : `${response.status} ${await response.text()}`;
    console.log(`[模拟] ${publisher.department.name} · ${label} · ${outcome}`);
  }

  async function fileComplaint(): Promise<number> {
    const { department } = publishers[Math.floor(random() * publishers.length)]!;
    const response = await fetch(`${baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(planComplaint(random, department)),
    }).catch(() => null);
    if (!response) {
      console.log(`[模拟] 网上投诉 · ${department.name} · 网络错误`);
      return 0;
    }
    const body = (await response.json().catch(() => ({}))) as { trackingCode?: string; error?: { message: string } };
    console.log(`[模拟] 网上投诉 · ${department.name} · ${response.status} ${body.trackingCode ?? body.error?.message ?? ''}`);
    // throttled: wait as long as the endpoint asks
    return response.status === 429 ? Number(response.headers.get('retry-after') ?? 60) * 1000 : 0;
  }

  async function fileRequest(): Promise<number> {
    const { department } = publishers[Math.floor(random() * publishers.length)]!;
    const response = await fetch(`${baseUrl}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(planRequest(random, department)),
    }).catch(() => null);
    if (!response) {
      console.log(`[模拟] 依申请公开 · ${department.name} · 网络错误`);
      return 0;
    }
    const body = (await response.json().catch(() => ({}))) as { trackingCode?: string; error?: { message: string } };
    console.log(`[模拟] 依申请公开 · ${department.name} · ${response.status} ${body.trackingCode ?? body.error?.message ?? ''}`);
    return response.status === 429 ? Number(response.headers.get('retry-after') ?? 60) * 1000 : 0;
  }

  function scheduleRequest(afterMs: number): void {
    if (stopping) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      const wait = await fileRequest();
      scheduleRequest(Math.max(wait, MIN_REQUEST_PAUSE_MS + random() * (MAX_REQUEST_PAUSE_MS - MIN_REQUEST_PAUSE_MS)));
    }, afterMs);
    timers.add(timer);
  }

  function scheduleComplaint(afterMs: number): void {
    if (stopping) return;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      const wait = await fileComplaint();
      scheduleComplaint(Math.max(wait, MIN_COMPLAINT_PAUSE_MS + random() * (MAX_COMPLAINT_PAUSE_MS - MIN_COMPLAINT_PAUSE_MS)));
    }, afterMs);
    timers.add(timer);
  }

  console.log(`[模拟] ${publishers.length} 个部门开始报送 → ${baseUrl}`);
  scheduleComplaint(FIRST_COMPLAINT_AFTER_MS);
  scheduleRequest(FIRST_REQUEST_AFTER_MS);
  const stop = () => {
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  while (!stopping) {
    const { publisher, entry } = pickPublication(random, publishers);
    serial += 1;
    const plan = planPublication(random, {
      entry,
      department: publisher.department,
      now: new Date(),
      externalId: `sim-${Date.now().toString(36)}-${serial}`,
      serial,
    });
    await send(publisher, plan.payload, `${SCENARIO_LABELS[plan.scenario]}《${entry.name}》`);
    const followUp = plan.followUp;
    if (followUp) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const payload = followUp.publishOnSend ? { ...followUp.payload, publishedAt: new Date(Date.now() - 1_000).toISOString() } : followUp.payload;
        void send(publisher, payload, `${followUp.publishOnSend ? '公开' : '补正'}《${entry.name}》`);
      }, followUp.afterMs);
      timers.add(timer);
    }
    await new Promise((resolve) => setTimeout(resolve, MIN_PAUSE_MS + random() * (MAX_PAUSE_MS - MIN_PAUSE_MS)));
  }
});
