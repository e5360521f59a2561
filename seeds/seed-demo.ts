// The demo data set (DESIGN §3 "Demo data"): the province, its cities and the 7 pilot units, their
// departments, catalogs, rules, the working-day calendar, demo users, and a year of items with their
// history and obligations, dated relative to `today`. One transaction: all of it or nothing; then the monthly
// reports of the past months it scored.
// Seeding again adds nothing: every row has a natural key, and a department that already has
// items is not given a second year of them.
import { addDaysToDay, isYmd, shanghaiDayOf, startOfShanghaiDay, type Ymd } from '../lib/calendar/ymd';
import { now } from '../lib/clock';
import type { Sql } from '../lib/db/sql';
import { seedCalendar } from './calendar';
import { seedDemoComplaints } from './complaints';
import { seedDemoRequests } from './requests';
import { seedCatalog } from './catalog';
import { buildUpperDepartments, seedDepartments } from './departments';
import { PILOT_UNITS, regionSeeds, seedGeography, type PilotUnit } from './geography';
import { ItemPlanner, outcomeMix, type DepartmentPlan, type OutcomeMix } from './item-planner';
import { insertDepartmentPlans } from './item-writer';
import { loadPlanContext } from './plan-context';
import { loadRules } from '../lib/rules/store/queries';
import { raiseHistoryAlerts } from './history-alerts';
import { scoreHistory } from '../lib/scoring/store/score-history';
import { buildMissingReports } from '../lib/reports/build-missing-reports';
import { seedRules } from './rules';
import { buildPilotUnitSeeds } from './unit-seed';
import { seedUsers } from './users';

export { PILOT_UNITS, type PilotUnit };
export { DEMO_PASSWORD } from './users';

export const SEED_TABLES = [
  'regions',
  'departments',
  'positions',
  'users',
  'catalog_entries',
  'rules',
  'calendar_years',
  'calendar_days',
  'items',
  'item_events',
  'obligations',
  'alerts',
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];
export type SeedCounts = Record<SeedTable, number>;

export interface SeedDemoOptions {
  /** YYYY-MM-DD in Asia/Shanghai; defaults to today by the application clock. */
  today?: Ymd;
  log?: (line: string) => void;
}

export interface SeedDemoResult {
  today: Ymd;
  /** Rows this run added, per table; all zero when the demo was already there. */
  added: SeedCounts;
  /** The outcome mix of the items planned by this run (null when none were). */
  mix: OutcomeMix | null;
  /** Monthly reports this run built (none when every past month already had its reports). */
  reports: number;
  durationMs: number;
}

// The Jiangsu pilot had its catalogs in standardised use by the end of June 2018.
const CATALOG_IN_USE_SINCE = new Date('2018-06-30T00:00:00+08:00');
// Serialises concurrent seeds of one database (any constant, the same in every process); the
// province-scale seed takes it too.
export const SEED_LOCK_KEY = 727_115_302;

/** When the structure (regions' departments, catalogs) came into use: before the year of items. */
export function structureCreatedAtFor(today: Ymd): Date {
  return new Date(Math.min(CATALOG_IN_USE_SINCE.getTime(), startOfShanghaiDay(addDaysToDay(today, -400)).getTime()));
}

export async function seedDemo(sql: Sql, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const at = now();
  const today = options.today ?? shanghaiDayOf(at);
  if (!isYmd(today)) throw new RangeError(`today 不是有效日期 / today must be YYYY-MM-DD: "${today}"`);
  const log = options.log ?? (() => {});
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await run();
    log(`${label}（${Math.round(performance.now() - t0)} ms）`);
    return value;
  };
  // structure predates the year of items, whichever day the demo is dated from
  const structureCreatedAt = structureCreatedAtFor(today);
  const added: SeedCounts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as SeedCounts;
  let mix: OutcomeMix | null = null;
  let scoredMonths = 0;

  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    added.regions = await step('区域', () => seedGeography(tx));
    const calendar = await step('工作日历', () => seedCalendar(tx, at));
    added.calendar_years = calendar.years.length;
    added.calendar_days = calendar.days;

    const units = buildPilotUnitSeeds();
    const departments = [...buildUpperDepartments(), ...units.flatMap((u) => u.departments)];
    const structure = await step('部门与岗位', () => seedDepartments(tx, departments, structureCreatedAt));
    added.departments = structure.added.departments;
    added.positions = structure.added.positions;

    const catalog = await step('公开事项目录', () =>
      seedCatalog(tx, units.flatMap((u) => u.entries), structure.ids.departments, structure.ids.positions, structureCreatedAt),
    );
    added.catalog_entries = catalog.added;
    added.rules = await step('监督规则', () => seedRules(tx, at));
    added.users = await step('演示用户', () => seedUsers(tx, structure.ids.departments, at));

    const plans = await step('公开信息与义务（计划）', async () => {
      const seeded = new Set(
        (
          await tx<{ department_id: number }[]>`
            select distinct department_id from items
            union select distinct department_id from obligations`
        ).map((r) => r.department_id),
      );
      const planner = new ItemPlanner(
        await loadPlanContext(tx, { today, asOf: at, regions: regionSeeds(), entryIds: catalog.ids }),
      );
      const out: DepartmentPlan[] = [];
      for (const unit of units) {
        for (const department of unit.departments) {
          const id = structure.ids.departments.get(department.code);
          if (id === undefined || seeded.has(id)) continue;
          if (!unit.entries.some((e) => e.departmentCode === department.code)) continue;
          out.push(planner.planDepartment(unit, department));
        }
      }
      const obligations = out.flatMap((p) => p.obligations);
      if (obligations.length > 0) mix = outcomeMix(obligations, planner.cutoffMs);
      return out;
    });

    const written = await step('公开信息与义务（写入）', () =>
      insertDepartmentPlans(tx, plans, {
        departments: structure.ids.departments,
        positions: structure.ids.positions,
        entries: catalog.ids,
      }),
    );
    added.items = written.items;
    added.item_events = written.itemEvents;
    added.obligations = written.obligations;

    added.alerts = await step('历史预警', async () => {
      const departmentOf = (code: string) => structure.ids.departments.get(code)!;
      return raiseHistoryAlerts(tx, {
        departmentIds: plans.map((plan) => departmentOf(plan.departmentCode)),
        incompleteItems: plans.flatMap((plan) =>
          plan.items
            .filter((item) => item.state === 'incomplete')
            .map((item) => ({ departmentId: departmentOf(plan.departmentCode), externalId: item.externalId })),
        ),
        rules: await loadRules(tx),
        at,
      });
    });

    // the complaints' SLA alerts are rows of `alerts` too: the report counts them with the items' alerts
    const countAlerts = async () => (await tx<{ n: number }[]>`select count(*)::int as n from alerts`)[0]!.n;
    added.alerts += await step('投诉件', async () => {
      const alertsBefore = await countAlerts();
      await seedDemoComplaints(tx, { today, at, units, departmentIds: structure.ids.departments });
      return (await countAlerts()) - alertsBefore;
    });
    // 依申请公开: requests in every state, replayed through the workflow, with their alerts of today
    added.alerts += await step('依申请公开', async () => {
      const alertsBefore = await countAlerts();
      await seedDemoRequests(tx, { today, at, units, departmentIds: structure.ids.departments });
      return (await countAlerts()) - alertsBefore;
    });
    // last: the scores read the obligations, items, alerts and complaints written above
    scoredMonths = (await step('考核评分（历史各月）', () => scoreHistory(tx, { at }))).periods.length;
  });
  // after the commit, like the report worker's catch-up (each PDF printed on its first download)
  const reports = await step('月度报告（历史各月）', () => buildMissingReports(sql, { at, months: scoredMonths }));

  return { today, added, mix, reports: reports.length, durationMs: Math.round(performance.now() - started) };
}

/** Row counts of the seeded tables, for reports and tests. */
export async function countSeedTables(sql: Sql): Promise<SeedCounts> {
  const counts = {} as SeedCounts;
  for (const table of SEED_TABLES) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`;
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
