// Demo requests for information (依申请公开, issue 13 item 7): in every pilot unit, requests in every state and
// with every reply type — two with consultations, one extended, one abandoned after 补正, a few overdue — each
// with the history that leads to it, dated in working days before the seed day. The plan is pure and
// deterministic for a given day; the writer replays each plan through the product's own intake and action code,
// so every row and event is one the application itself would have written.
import type { Scope } from '../lib/auth/scope';
import type { Calendar } from '../lib/calendar/calendar';
import { loadCalendar } from '../lib/calendar/store/queries';
import { addWorkingDays, nthLastWorkingDay } from '../lib/calendar/working-days';
import { previousDay, startOfShanghaiDay, type Ymd } from '../lib/calendar/ymd';
import { TRACKING_ALPHABET } from '../lib/complaints/tracking-code';
import type { Db } from '../lib/db/sql';
import { actOnRequestIn } from '../lib/requests/act-on-request';
import { fileRequestIn, findRequestForSync } from '../lib/requests/file-request';
import { residentIdCheckChar } from '../lib/requests/identity';
import { selectRequests, type RequestRow } from '../lib/requests/queries';
import type { ApplicantType, RequestChannel, RequestState } from '../lib/requests/request';
import type { ActionInput, IntakeInput } from '../lib/requests/schemas';
import { syncRequest } from '../lib/requests/sync-request';
import type { Rule } from '../lib/rules/rule';
import { loadRules } from '../lib/rules/store/queries';
import { HOUR_MS, MINUTE_MS } from './day-index';
import { personName } from './names';
import { intBetween, pick, rngFor, type Rng } from './prng';
import type { UnitSeed } from './unit-seed';
import { DEMO_DEPT_USER_DEPARTMENT } from './users';

interface StepTemplate {
  /** Working days after the day of receipt (or of submission, for an online application). */
  day: number;
  /** Hour of that day (Asia/Shanghai). */
  hour: number;
  input: ActionInput;
}

interface ScenarioTemplate {
  /** Working days before the seed day on which it arrived (0: a moment ago). */
  daysAgo: number;
  channel: RequestChannel;
  state: RequestState;
  /** 不清楚: the applicant did not name the agency. */
  agencyUnknown?: boolean;
  steps: StepTemplate[];
}

// a step whose `at` the API requires: the planner puts the step's moment there
const AT_STEP = { instant: new Date(0) };
const confirm = (day = 0, hour = 10): StepTemplate => ({ day, hour, input: { action: 'confirm_receipt' } });
const reply = (day: number, input: Omit<Extract<ActionInput, { action: 'reply' }>, 'action'>): StepTemplate => ({ day, hour: 16, input: { action: 'reply', ...input } });
const deliver = (day: number, method: 'online' | 'post' | 'in_person' | 'email'): StepTemplate => ({ day, hour: 10, input: { action: 'deliver', method } });
const close = (day: number): StepTemplate => ({ day, hour: 11, input: { action: 'close' } });

const SCENARIOS = {
  submitted: { daysAgo: 0, channel: 'online', state: 'submitted', steps: [] },
  confirm_late: { daysAgo: 2, channel: 'online', state: 'submitted', agencyUnknown: true, steps: [] },
  received: { daysAgo: 3, channel: 'online', state: 'received', steps: [confirm()] },
  consulting: {
    daysAgo: 12,
    channel: 'letter',
    state: 'consulting',
    steps: [{ day: 6, hour: 15, input: { action: 'start_consultation', at: AT_STEP, with: '第三方：项目建设单位（涉及商业秘密）' } }],
  },
  consulted_replied: {
    daysAgo: 26,
    channel: 'letter',
    state: 'replied',
    steps: [
      { day: 5, hour: 10, input: { action: 'start_consultation', at: AT_STEP, with: '市自然资源和规划局' } },
      { day: 10, hour: 16, input: { action: 'end_consultation', at: AT_STEP, note: '已收到复函' } },
      reply(22, { type: 'disclosed', text: '经征求相关机关意见，您申请的信息予以公开，详见附件。', attachments: [{ name: '规划许可批复.pdf', url: 'https://www.example.gov.cn/xxgk/ysq/pfwj.pdf' }] }),
    ],
  },
  extended: {
    daysAgo: 24,
    channel: 'in_person',
    state: 'received',
    steps: [{ day: 16, hour: 15, input: { action: 'extend', workingDays: 10, approver: '政务公开办主任', reason: '申请内容涉及多个年度档案，需调档核查' } }],
  },
  correction_requested: {
    daysAgo: 5,
    channel: 'online',
    state: 'correction_requested',
    steps: [confirm(), { day: 2, hour: 11, input: { action: 'request_correction', what: '请写明所需文件的名称、文号或者便于检索的其他特征描述' } }],
  },
  abandoned: {
    daysAgo: 30,
    channel: 'letter',
    state: 'abandoned',
    steps: [
      { day: 3, hour: 10, input: { action: 'request_correction', what: '请补充所需信息的具体时间范围和项目名称', periodWorkingDays: 10 } },
      close(14),
    ],
  },
  corrected_closed: {
    daysAgo: 30,
    channel: 'online',
    state: 'closed',
    steps: [
      confirm(),
      { day: 2, hour: 10, input: { action: 'request_correction', what: '请写明申请公开的具体年度' } },
      { day: 6, hour: 9, input: { action: 'record_correction', at: AT_STEP, note: '申请人通过网上补正，已写明年度' } },
      reply(20, { type: 'disclosed', text: '您申请公开的信息予以公开，电子版已通过网上送达。' }),
      deliver(21, 'online'),
      close(22),
    ],
  },
  overdue: { daysAgo: 23, channel: 'letter', state: 'received', steps: [] },
  severely_overdue: { daysAgo: 34, channel: 'in_person', state: 'received', steps: [] },
  withheld: {
    daysAgo: 15,
    channel: 'online',
    state: 'replied',
    steps: [confirm(0, 15), reply(12, { type: 'withheld', text: '您申请的信息属于国家秘密，不予公开。', basis: '《中华人民共和国政府信息公开条例》第十四条', ground: 'state_secret' })],
  },
  partly_disclosed: {
    daysAgo: 18,
    channel: 'letter',
    state: 'delivered',
    steps: [
      reply(14, { type: 'partly_disclosed', text: '除涉及第三方商业秘密的部分外，予以公开。', basis: '《中华人民共和国政府信息公开条例》第十五条、第三十七条', ground: 'third_party' }),
      deliver(15, 'post'),
    ],
  },
  already_public: {
    daysAgo: 30,
    channel: 'online',
    state: 'closed',
    steps: [confirm(), reply(8, { type: 'already_public', text: '该信息已主动公开。', basis: '已在本级政府门户网站“政府信息公开”专栏公开' }), deliver(9, 'online'), close(10)],
  },
  not_exist: {
    daysAgo: 40,
    channel: 'letter',
    state: 'closed',
    steps: [reply(19, { type: 'not_exist', text: '经检索，本机关未制作或获取该信息。', ground: 'not_held' }), deliver(20, 'post'), close(21)],
  },
  not_responsible: {
    daysAgo: 22,
    channel: 'online',
    state: 'closed',
    steps: [confirm(), reply(5, { type: 'not_responsible', text: '该信息不属于本机关负责公开。', basis: '建议向市生态环境局申请' }), deliver(5, 'email'), close(6)],
  },
  repeated: {
    daysAgo: 10,
    channel: 'online',
    state: 'replied',
    steps: [confirm(), reply(4, { type: 'repeated', text: '您的申请与此前已答复的申请内容相同，不予重复处理。', ground: 'repeated' })],
  },
  not_a_request: {
    daysAgo: 9,
    channel: 'online',
    state: 'replied',
    steps: [confirm(), reply(3, { type: 'not_a_request', text: '您反映的是投诉举报事项，不属于政府信息公开申请，已告知通过 12345 热线反映。', ground: 'petition' })],
  },
  withdrawn: {
    daysAgo: 6,
    channel: 'online',
    state: 'withdrawn',
    steps: [confirm(), { day: 3, hour: 14, input: { action: 'withdraw', note: '申请人来电撤回申请' } }],
  },
} satisfies Record<string, ScenarioTemplate>;

export type RequestScenario = keyof typeof SCENARIOS;
export const REQUEST_SCENARIOS = Object.keys(SCENARIOS) as RequestScenario[];

const DESCRIPTIONS: readonly string[] = [
  '申请公开本单位 2025 年度部门决算及“三公”经费支出明细',
  '申请公开辖区内某建设项目的环境影响评价文件及批复',
  '申请公开本区老旧小区改造工程的招标文件和中标结果',
  '申请公开 2026 年度食品安全监督抽检计划及不合格产品处置情况',
  '申请公开某地块国有土地使用权出让合同及规划条件',
  '申请公开本街道拆迁安置补偿方案及补偿标准的制定依据',
  '申请公开某企业安全生产行政处罚决定书',
  '申请公开区图书馆、文化馆免费开放经费使用情况',
  '申请公开法律援助中心 2025 年度受理和办结案件数量统计',
  '申请公开某河道综合整治工程的立项批复和资金来源',
];

const APPLICANT_TYPES: readonly ApplicantType[] = ['person', 'person', 'person', 'business', 'research', 'nonprofit', 'legal_service', 'other'];
const ORGANISATIONS: Record<Exclude<ApplicantType, 'person'>, string> = {
  business: '江苏某建设工程有限公司',
  research: '某大学公共管理学院课题组',
  nonprofit: '某环保公益服务中心',
  legal_service: '江苏某律师事务所',
  other: '某小区业主委员会',
};

function trackingCodeFrom(rng: Rng): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += TRACKING_ALPHABET[Math.floor(rng() * TRACKING_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

const phoneFrom = (rng: Rng) => `1${pick(rng, ['33', '35', '38', '39', '51', '58', '77', '87', '89'])}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`;

/** A resident ID number of the unit's region with a valid check character (made up, like the names). */
function residentIdFrom(rng: Rng, regionCode: string): string {
  const birth = `${intBetween(rng, 1960, 2000)}${String(intBetween(rng, 1, 12)).padStart(2, '0')}${String(intBetween(rng, 1, 28)).padStart(2, '0')}`;
  const first17 = `${regionCode}${birth}${String(intBetween(rng, 0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export interface RequestPlan {
  scenario: RequestScenario;
  regionCode: string;
  /** null: 不清楚, the region's government office receives it. */
  departmentCode: string | null;
  trackingCode: string;
  input: IntakeInput;
  /** Submission (online) or receipt (letter, in person). */
  arrivedAt: Date;
  steps: { at: Date; input: ActionInput }[];
  state: RequestState;
}

export interface UnitForRequests {
  regionCode: string;
  departmentCodes: readonly string[];
  /** The department every request of this unit goes to (建邺区: the demo `dept` user's department). */
  preferred?: string;
}

export function planRequests(input: { today: Ymd; at: Date; cal: Calendar; units: readonly UnitForRequests[] }): RequestPlan[] {
  const { today, at, cal } = input;
  const workingDaysAgo = (n: number): Ymd => (n === 0 ? today : nthLastWorkingDay(cal, previousDay(today), n).day);
  const plans: RequestPlan[] = [];
  for (const unit of input.units) {
    for (const scenario of REQUEST_SCENARIOS) {
      const rng = rngFor(today, unit.regionCode, 'request', scenario);
      const template: ScenarioTemplate = SCENARIOS[scenario];
      const arrivalDay = workingDaysAgo(template.daysAgo);
      const arrivedAt =
        template.daysAgo === 0
          ? new Date(Math.max(startOfShanghaiDay(today).getTime(), at.getTime() - intBetween(rng, 30, 120) * MINUTE_MS))
          : new Date(startOfShanghaiDay(arrivalDay).getTime() + (9 + intBetween(rng, 0, 90) / 60) * HOUR_MS);
      let previous = arrivedAt;
      const steps = template.steps.map((step) => {
        const day = addWorkingDays(cal, arrivalDay, step.day).due;
        let stepAt = new Date(startOfShanghaiDay(day).getTime() + step.hour * HOUR_MS + intBetween(rng, 0, 20) * MINUTE_MS);
        // steps keep their order, and none lies ahead of the seed's moment
        if (stepAt <= previous) stepAt = new Date(previous.getTime() + intBetween(rng, 20, 60) * MINUTE_MS);
        if (stepAt > at) stepAt = at;
        previous = stepAt;
        const stepInput = 'at' in step.input && step.input.at !== undefined ? { ...step.input, at: { instant: stepAt } } : step.input;
        return { at: stepAt, input: stepInput as ActionInput };
      });
      const type = pick(rng, APPLICANT_TYPES);
      const isPerson = type === 'person';
      const departmentCode = template.agencyUnknown ? null : (unit.preferred ?? pick(rng, unit.departmentCodes));
      plans.push({
        scenario,
        regionCode: unit.regionCode,
        departmentCode,
        trackingCode: trackingCodeFrom(rng),
        arrivedAt,
        steps,
        state: template.state,
        input: {
          channel: template.channel,
          applicant: {
            type,
            name: isPerson ? personName(rng) : ORGANISATIONS[type],
            ...(isPerson ? { idType: 'resident_id' as const, idNo: residentIdFrom(rng, unit.regionCode) } : {}),
            phone: phoneFrom(rng),
            address: `${pick(rng, ['人民路', '建设路', '解放路', '中山路', '文化路'])}${intBetween(rng, 1, 300)}号`,
          },
          regionId: unit.regionCode,
          description: pick(rng, DESCRIPTIONS),
          purpose: pick(rng, ['了解政策执行情况', '维护自身合法权益', '课题研究', '监督公共资金使用']),
          format: pick(rng, ['paper', 'electronic'] as const),
          delivery: template.channel === 'online' ? pick(rng, ['online', 'email'] as const) : 'post',
          ...(template.channel === 'online' ? {} : { receivedAt: { instant: arrivedAt } }),
        },
      });
    }
  }
  return plans;
}

export interface SeedRequestsContext {
  at: Date;
  plans: readonly RequestPlan[];
  departmentIds: ReadonlyMap<string, number>;
  /** Staff who register letters and visits. */
  staff: Scope;
  /** The username that acts on a request, by its unit and department code. */
  actorFor: (regionCode: string, departmentCode: string | null) => string;
  rules: readonly Rule[];
  cal: Calendar;
}

/**
 * Writes the plans of units that have no requests yet (seeding twice adds nothing); returns how many requests
 * were added. Each request is synced at `at` last, which leaves the level and the alert it has today.
 */
export async function seedRequests(tx: Db, ctx: SeedRequestsContext): Promise<number> {
  const seeded = new Set((await tx<{ region_code: string }[]>`select distinct region_code from requests`).map((r) => r.region_code));
  let added = 0;
  for (const plan of ctx.plans) {
    if (seeded.has(plan.regionCode)) continue;
    const departmentId = plan.departmentCode === null ? undefined : ctx.departmentIds.get(plan.departmentCode);
    if (plan.departmentCode !== null && departmentId === undefined) throw new Error(`seed requests: unknown department ${plan.departmentCode}`);
    const filed = await fileRequestIn(tx, {
      staff: plan.input.channel === 'online' ? null : ctx.staff,
      input: { ...plan.input, ...(departmentId !== undefined ? { departmentId } : {}) },
      now: plan.arrivedAt,
      rules: ctx.rules,
      cal: ctx.cal,
      trackingCode: plan.trackingCode,
    });
    if (!filed.ok) throw new Error(`seed requests: ${plan.scenario} not filed: ${filed.message}`);
    for (const step of plan.steps) {
      const [row] = await tx<(RequestRow & { last_step_at: Date })[]>`
        ${selectRequests(tx, tx`, (select max(e.at) from request_events e where e.request_id = q.id) as last_step_at`)}
        where q.id = ${filed.id}
        for update of q`;
      const result = await actOnRequestIn(tx, {
        row: row!,
        input: step.input,
        now: step.at,
        actor: ctx.actorFor(plan.regionCode, plan.departmentCode),
        rules: ctx.rules,
        cal: ctx.cal,
      });
      if (!result.ok) throw new Error(`seed requests: ${plan.scenario} step ${step.input.action} refused: ${result.message}`);
    }
    const request = await findRequestForSync(tx, filed.id);
    await syncRequest(tx, request!, ctx.rules, ctx.cal, ctx.at);
    added += 1;
  }
  return added;
}

/** The demo seed's one call: every pilot unit's requests, 建邺区's to the demo `dept` user's department. */
export async function seedDemoRequests(
  tx: Db,
  input: { today: Ymd; at: Date; units: readonly UnitSeed[]; departmentIds: ReadonlyMap<string, number> },
): Promise<number> {
  const [supervisor] = await tx<{ id: number; region_code: string; path: string }[]>`
    select u.id, u.region_code, r.path from users u join regions r on r.code = u.region_code where u.username = 'supervisor'`;
  if (!supervisor) throw new Error('seed requests: the demo supervisor is missing');
  const [rules, cal] = await Promise.all([loadRules(tx), loadCalendar(tx)]);
  const plans = planRequests({
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
  return seedRequests(tx, {
    at: input.at,
    plans,
    departmentIds: input.departmentIds,
    staff: { userId: supervisor.id, username: 'supervisor', role: 'supervisor', regionCode: supervisor.region_code, regionPath: supervisor.path, departmentId: null },
    // the demo `dept` user handles 建邺区's requests; each unit's office (sup-<code>) the others'
    actorFor: (regionCode, departmentCode) => (departmentCode === DEMO_DEPT_USER_DEPARTMENT ? 'dept' : `sup-${regionCode}`),
    rules,
    cal,
  });
}
