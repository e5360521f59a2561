// Demo complaints (issue 5 item 6): in every pilot unit, complaints in every state of the 12345 closed loop,
// each with the history that leads to it, dated relative to the seed day. The plan is pure and deterministic
// for a given day; the writer replays each plan through the product's own intake and transition code, so
// every row and event is one the application itself would have written.
import { actInTransaction } from '../lib/complaints/act-on-complaint';
import type { Channel, ComplaintState, Satisfaction } from '../lib/complaints/complaint';
import { fileInTransaction } from '../lib/complaints/file-complaint';
import type { ActionInput } from '../lib/complaints/schemas';
import type { Actor } from '../lib/complaints/state-machine';
import { findComplaintForSla, syncComplaintSla } from '../lib/complaints/sync-complaint-sla';
import { TRACKING_ALPHABET } from '../lib/complaints/tracking-code';
import type { Scope } from '../lib/auth/scope';
import type { Calendar } from '../lib/calendar/calendar';
import { addWorkingDays, nthLastWorkingDay } from '../lib/calendar/working-days';
import { previousDay, startOfShanghaiDay, type Ymd } from '../lib/calendar/ymd';
import type { Db } from '../lib/db/sql';
import type { Rule } from '../lib/rules/rule';
import { loadCalendar } from '../lib/calendar/store/queries';
import { loadRules } from '../lib/rules/store/queries';
import { HOUR_MS, MINUTE_MS } from './day-index';
import { personName } from './names';
import { intBetween, pick, rngFor, type Rng } from './prng';
import type { UnitSeed } from './unit-seed';
import { DEMO_DEPT_USER_DEPARTMENT } from './users';

export interface PlannedStep {
  at: Date;
  actor: Actor;
  input: ActionInput;
}

export interface ComplaintPlan {
  scenario: Scenario;
  regionCode: string;
  departmentCode: string;
  channel: Channel;
  name: string | null;
  phone: string;
  content: string;
  trackingCode: string;
  receivedAt: Date;
  steps: PlannedStep[];
  /** The state the history leads to. */
  state: ComplaintState;
}

interface StepTemplate {
  /** Working days after the day of receipt. */
  day: number;
  /** Hour of that day (Asia/Shanghai), minutes allowed as a fraction. */
  hour: number;
  actor: Actor;
  input: ActionInput;
}

interface ScenarioTemplate {
  /** Working days before the seed day on which it was received (0: a moment ago). */
  receivedWorkingDaysAgo: number;
  state: ComplaintState;
  steps: (extendTo: (days: number) => Ymd) => StepTemplate[];
}

const assign = (day: number, hour = 15): StepTemplate => ({ day, hour, actor: 'handler', input: { action: 'assign', departmentId: 0 } });
const accept = (day: number, hour = 9.5): StepTemplate => ({ day, hour, actor: 'department', input: { action: 'accept' } });
const start = (day: number, hour = 10): StepTemplate => ({ day, hour, actor: 'department', input: { action: 'start', note: '已调取相关材料，正在核查' } });
const reply = (day: number, text: string): StepTemplate => ({ day, hour: 16, actor: 'department', input: { action: 'reply', reply: text } });
const rate = (day: number, satisfaction: Satisfaction, comment?: string): StepTemplate => ({
  day,
  hour: 11,
  actor: 'citizen',
  input: { action: 'rate', satisfaction, ...(comment ? { comment } : {}) },
});

const SCENARIOS = {
  fresh: { receivedWorkingDaysAgo: 0, state: 'received', steps: () => [] },
  dispatch_late: { receivedWorkingDaysAgo: 3, state: 'received', steps: () => [] },
  awaiting_accept: { receivedWorkingDaysAgo: 1, state: 'assigned', steps: () => [assign(0)] },
  accepted: { receivedWorkingDaysAgo: 2, state: 'accepted', steps: () => [assign(0, 11), accept(1)] },
  in_progress: { receivedWorkingDaysAgo: 4, state: 'in_progress', steps: () => [assign(0, 14), accept(1), start(1)] },
  reply_overdue: {
    receivedWorkingDaysAgo: 16,
    state: 'in_progress',
    steps: () => [
      assign(0, 14),
      accept(1),
      start(2),
      { day: 12, hour: 9, actor: 'handler', input: { action: 'remind', note: '答复期限将至，请抓紧办理' } },
      { day: 14, hour: 9, actor: 'handler', input: { action: 'remind', note: '已超过答复期限，请立即答复' } },
    ],
  },
  replied: {
    receivedWorkingDaysAgo: 6,
    state: 'replied',
    steps: () => [assign(0, 14), accept(1), start(1), reply(5, '经核查，您反映的信息已于近日在区政府门户网站“政府信息公开”专栏补充公开，可在相应栏目查阅。感谢您的监督。')],
  },
  closed_satisfied: {
    receivedWorkingDaysAgo: 20,
    state: 'closed',
    steps: () => [
      assign(0, 14),
      accept(1),
      start(1),
      reply(8, '您反映的年度预算公开表格缺失问题属实，已于本周在政府信息公开平台补充公开全部表格，并完善了发布前审核流程。'),
      rate(9, 'satisfied'),
    ],
  },
  returned: {
    receivedWorkingDaysAgo: 2,
    state: 'returned',
    steps: () => [
      assign(0),
      { day: 1, hour: 10, actor: 'department', input: { action: 'return', note: '所涉信息不属于本部门职责，建议转交区住房和城乡建设局办理' } },
    ],
  },
  reopened: {
    receivedWorkingDaysAgo: 11,
    state: 'reopened',
    steps: () => [
      assign(0, 14),
      accept(0, 16),
      start(1),
      reply(9, '该项目环评批复已在网站公开。'),
      rate(10, 'dissatisfied', '只公开了批复正文，附件和公示意见采纳情况仍未公开'),
    ],
  },
  extended: {
    receivedWorkingDaysAgo: 15,
    state: 'in_progress',
    steps: (extendTo) => [
      assign(0, 14),
      accept(1),
      start(1),
      { day: 11, hour: 15, actor: 'handler', input: { action: 'extend', dueDate: extendTo(5), note: '涉及多个部门联合核查，经批准延期 5 个工作日' } },
    ],
  },
  closed_by_handler: {
    receivedWorkingDaysAgo: 25,
    state: 'closed',
    steps: () => [
      assign(0, 14),
      accept(1),
      start(2),
      reply(10, '已在政务服务中心公开栏补充张贴相关公告，并同步在政府网站公开。'),
      { day: 12, hour: 10, actor: 'handler', input: { action: 'close', note: '回访三次电话均未接通，按规定办结' } },
    ],
  },
} as const satisfies Record<string, ScenarioTemplate>;

export type Scenario = keyof typeof SCENARIOS;
export const SEED_SCENARIOS = Object.keys(SCENARIOS) as Scenario[];

const CHANNELS: readonly Channel[] = ['online', 'phone', 'onsite'];

const CONTENTS: readonly string[] = [
  '我在区政府网站上查不到今年的部门预算和“三公”经费表，按规定应在批复后20日内公开，请督促公开。',
  '小区旁边的建设项目已经开工，但环评批复和环境影响报告书一直没有在网站公开，申请公开并说明原因。',
  '上月的行政处罚决定在公开栏里只贴了一半，缺少处罚依据和救济途径，信息不完整。',
  '政务服务中心公开栏的办事指南还是去年的版本，收费标准已经变了，请及时更新。',
  '重大建设项目批准和实施信息在网站上只有标题没有正文，附件打不开。',
  '食品安全抽检结果公告发布时间比抽检晚了两个多月，公开不及时，请核查。',
  '公共文化场馆免费开放时间调整没有提前公告，群众白跑一趟，希望今后提前公开。',
  '安全生产事故调查报告迟迟没有公开，事故已经过去半年，请说明情况。',
  '税收优惠政策解读只发在微信公众号上，政府网站找不到，老年人查询不便。',
  '城乡规划调整方案公示期只有3天，公示内容也没有图纸，请按规定完整公示。',
];

function trackingCodeFrom(rng: Rng): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += TRACKING_ALPHABET[Math.floor(rng() * TRACKING_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

const phoneFrom = (rng: Rng) => `1${pick(rng, ['33', '35', '38', '39', '51', '58', '77', '87', '89'])}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`;

export interface UnitForComplaints {
  regionCode: string;
  /** Departments that complaints may name; the first takes the unit's complaints when `preferred` is set. */
  departmentCodes: readonly string[];
  /** The department every scenario of this unit goes to (建邺区: the demo `dept` user's department). */
  preferred?: string;
}

export function planComplaints(input: { today: Ymd; at: Date; cal: Calendar; units: readonly UnitForComplaints[] }): ComplaintPlan[] {
  const { today, at, cal } = input;
  const workingDaysAgo = (n: number): Ymd => (n === 0 ? today : nthLastWorkingDay(cal, previousDay(today), n).day);
  const plans: ComplaintPlan[] = [];
  for (const unit of input.units) {
    SEED_SCENARIOS.forEach((scenario, index) => {
      const rng = rngFor(today, unit.regionCode, scenario);
      const template: ScenarioTemplate = SCENARIOS[scenario];
      const receivedDay = workingDaysAgo(template.receivedWorkingDaysAgo);
      const receivedAt =
        template.receivedWorkingDaysAgo === 0
          ? new Date(Math.max(startOfShanghaiDay(today).getTime(), at.getTime() - intBetween(rng, 30, 120) * MINUTE_MS))
          : new Date(startOfShanghaiDay(receivedDay).getTime() + (9 + intBetween(rng, 0, 120) / 60) * HOUR_MS);
      // the reply due date a 延期 moves, in working days past the 13th
      const extendTo = (days: number) => addWorkingDays(cal, addWorkingDays(cal, receivedDay, 13).due, days).due;
      const steps = template.steps(extendTo).map((step): PlannedStep => {
        const day = addWorkingDays(cal, receivedDay, step.day).due;
        let stepAt = new Date(startOfShanghaiDay(day).getTime() + step.hour * HOUR_MS + intBetween(rng, 0, 20) * MINUTE_MS);
        // same-day steps never run before the receipt
        if (stepAt <= receivedAt) stepAt = new Date(receivedAt.getTime() + intBetween(rng, 20, 60) * MINUTE_MS);
        return { at: stepAt, actor: step.actor, input: step.input };
      });
      const departmentCode = unit.preferred ?? pick(rng, unit.departmentCodes);
      plans.push({
        scenario,
        regionCode: unit.regionCode,
        departmentCode,
        channel: CHANNELS[index % CHANNELS.length]!,
        name: rng() < 0.85 ? personName(rng) : null,
        phone: phoneFrom(rng),
        content: pick(rng, CONTENTS),
        trackingCode: trackingCodeFrom(rng),
        receivedAt,
        steps,
        state: template.state,
      });
    });
  }
  return plans;
}

export interface SeedComplaintsContext {
  at: Date;
  plans: readonly ComplaintPlan[];
  departmentIds: ReadonlyMap<string, number>;
  handler: Scope;
  /** The username that acts for a department, by department code (the demo `dept` user's, else a label). */
  departmentActor: (departmentCode: string) => string;
  rules: readonly Rule[];
  cal: Calendar;
}

/**
 * Writes the plans of units that have no complaints yet (seeding twice adds nothing); returns how many
 * complaints were added. The last step of each is followed by an SLA sync at `at`, which leaves the level
 * and the alert the complaint has today.
 */
export async function seedComplaints(tx: Db, ctx: SeedComplaintsContext): Promise<number> {
  const seeded = new Set((await tx<{ region_code: string }[]>`select distinct region_code from complaints`).map((r) => r.region_code));
  let added = 0;
  for (const plan of ctx.plans) {
    if (seeded.has(plan.regionCode)) continue;
    const departmentId = ctx.departmentIds.get(plan.departmentCode);
    if (departmentId === undefined) throw new Error(`seed complaints: unknown department ${plan.departmentCode}`);
    const filed = await fileInTransaction(tx, {
      handler: plan.channel === 'online' ? null : ctx.handler,
      input: { channel: plan.channel, content: plan.content, phone: plan.phone, departmentId, ...(plan.name ? { name: plan.name } : {}) },
      at: plan.receivedAt,
      rules: ctx.rules,
      cal: ctx.cal,
      trackingCode: plan.trackingCode,
    });
    if (!filed.ok) throw new Error(`seed complaints: ${plan.scenario} not filed: ${filed.message}`);
    for (const step of plan.steps) {
      const input: ActionInput = step.input.action === 'assign' ? { ...step.input, departmentId } : step.input;
      const actorName = step.actor === 'handler' ? ctx.handler.username : step.actor === 'department' ? ctx.departmentActor(plan.departmentCode) : '群众';
      const result = await actInTransaction(tx, {
        complaintId: filed.id,
        actor: step.actor,
        actorName,
        scope: ctx.handler,
        input,
        at: step.at,
        rules: ctx.rules,
        cal: ctx.cal,
      });
      if (!result.ok) throw new Error(`seed complaints: ${plan.scenario} step ${input.action} refused: ${result.message}`);
    }
    const complaint = await findComplaintForSla(tx, filed.id);
    await syncComplaintSla(tx, complaint!, ctx.rules, ctx.cal, ctx.at);
    added += 1;
  }
  return added;
}


/** The demo seed's one call: every pilot unit's complaints, 建邺区's to the demo `dept` user's department. */
export async function seedDemoComplaints(
  tx: Db,
  input: { today: Ymd; at: Date; units: readonly UnitSeed[]; departmentIds: ReadonlyMap<string, number> },
): Promise<number> {
  const [handler] = await tx<{ id: number; region_code: string; path: string }[]>`
    select u.id, u.region_code, r.path from users u join regions r on r.code = u.region_code where u.username = 'handler'`;
  if (!handler) throw new Error('seed complaints: the demo handler is missing');
  const [rules, cal] = await Promise.all([loadRules(tx), loadCalendar(tx)]);
  const plans = planComplaints({
    today: input.today,
    at: input.at,
    cal,
    units: input.units.map((unit) => {
      const publishing = new Set(unit.entries.map((e) => e.departmentCode));
      return {
        regionCode: unit.unit.code,
        departmentCodes: unit.departments.filter((d) => publishing.has(d.code)).map((d) => d.code),
        ...(unit.unit.code === '320105' ? { preferred: DEMO_DEPT_USER_DEPARTMENT } : {}),
      };
    }),
  });
  return seedComplaints(tx, {
    at: input.at,
    plans,
    departmentIds: input.departmentIds,
    handler: { userId: handler.id, username: 'handler', role: 'handler', regionCode: handler.region_code, regionPath: handler.path, departmentId: null },
    departmentActor: (code) => (code === DEMO_DEPT_USER_DEPARTMENT ? 'dept' : '部门联络员'),
    rules,
    cal,
  });
}
