// Fixtures for the ingest, obligation and timeline integration tests: a private region tree (codes in
// 900000–999999, see lib/auth/test-fixtures.ts) with departments, catalog entries of every kind of time
// limit, an API key, users with live sessions, and the 2026 calendar. Nothing here touches demo data.
import { randomBytes } from 'node:crypto';
import { createApiKey } from '../auth/api-keys';
import { createSession } from '../auth/sessions';
import { createDepartment, createRegionTree, uniqueUsername, type TestRegionTree } from '../auth/test-fixtures';
import { invalidateCalendarCache } from '../calendar/store/calendar-cache';
import { HOLIDAYS_2026, WORKDAYS_2026 } from '../calendar/calendar-2026.fixture';
import { replaceCalendarYear } from '../calendar/store/queries';
import type { TimeLimit } from '../catalog/time-limit';
import type { Db, Sql } from '../db/sql';
import { invalidateRules } from '../rules/store/queries';
import type { IngestDepartment } from './ingest-item';

const CREATED_AT = new Date('2026-01-01T00:00:00+08:00');

export const ENTRY_LIMITS = {
  // DESIGN §1's worked example: formed 2026-11-02 → due 2026-11-30 24:00
  workingDays: { kind: 'working_days_after', n: 20, text: '信息形成或变更之日起20个工作日内' },
  beforeEvent: { kind: 'before_event', n: 3, text: '会议召开前3日' },
  monthly: { kind: 'periodic', period: 'month', n: 20, text: '每月' },
  quarterly: { kind: 'periodic', period: 'quarter', n: 20, text: '每季度' },
  annualReport: { kind: 'fixed_date', month: 1, day: 31, text: '每年1月31日前' },
  unmeasurable: { kind: 'unmeasurable', text: '及时' },
} as const satisfies Record<string, TimeLimit>;

export interface IngestWorld {
  regions: TestRegionTree;
  /** The publishing department, in the county. */
  department: IngestDepartment;
  /** Another department of the same county. */
  otherDepartment: IngestDepartment;
  /** A department of the other county. */
  farDepartment: IngestDepartment;
  /** Entry codes of `department`, by limit name; `otherEntry` belongs to otherDepartment. */
  entries: Record<keyof typeof ENTRY_LIMITS, { id: number; code: string }>;
  otherEntry: { id: number; code: string };
  /** A code that exists only in the other county's catalog. */
  farEntryCode: string;
  apiKey: string;
  cookies: { dept: string; supervisor: string; farSupervisor: string; provinceSupervisor: string; leader: string };
}

async function departmentOf(db: Db, id: number): Promise<IngestDepartment> {
  const [row] = await db<IngestDepartment[]>`
    select d.id, d.region_code as "regionCode", r.path as "regionPath", d.org_code as "orgCode", d.name
    from departments d join regions r on r.code = d.region_code where d.id = ${id}`;
  return row!;
}

export async function createEntry(
  db: Db,
  input: { regionCode: string; departmentId: number; timeLimit: TimeLimit; code?: string; name?: string },
): Promise<{ id: number; code: string }> {
  const code = input.code ?? `T-${randomBytes(3).toString('hex').toUpperCase()}`;
  const [row] = await db<{ id: number }[]>`
    insert into catalog_entries (region_code, code, version, is_current, category, name, domain, department_id, basis,
      content, required_elements, time_limit, time_limit_text, channels, mode, created_at)
    values (${input.regionCode}, ${code}, 1, true, '测试 › 测试', ${input.name ?? `测试事项 ${code}`}, 'environment',
      ${input.departmentId}, '《政府信息公开条例》第二十条', '测试内容', ${['indexNo', 'body']},
      ${db.json(input.timeLimit as never)}, ${input.timeLimit.text}, ${['website', 'open_platform']}, 'proactive',
      ${CREATED_AT})
    returning id`;
  return { id: row!.id, code };
}

async function userCookie(db: Db, input: { role: string; regionCode: string; departmentId?: number }): Promise<string> {
  const [user] = await db<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${uniqueUsername(input.role)}, '测试用户', 'not-a-login-account', ${input.role}, ${input.regionCode},
            ${input.departmentId ?? null}, ${CREATED_AT}, ${CREATED_AT})
    returning id`;
  const { token } = await createSession(db, { id: user!.id });
  return `dw_session=${token}`;
}

/** Loads the 2026 arrangement unless the run's database has it already. */
export async function ensureCalendar2026(db: Db): Promise<void> {
  const [loaded] = await db`select 1 from calendar_years where year = 2026`;
  if (!loaded) {
    await replaceCalendarYear(db, {
      year: 2026,
      holidays: [...HOLIDAYS_2026],
      workdays: [...WORKDAYS_2026],
      source: 'test fixture',
      loadedBy: 'test',
      at: CREATED_AT,
    });
  }
  invalidateCalendarCache();
  invalidateRules();
}

export async function createIngestWorld(sql: Sql): Promise<IngestWorld> {
  return sql.begin(async (tx) => {
    await ensureCalendar2026(tx);
    const regions = await createRegionTree(tx);
    const department = await departmentOf(tx, await createDepartment(tx, regions.county.code, '测试县生态环境局'));
    const otherDepartment = await departmentOf(tx, await createDepartment(tx, regions.county.code, '测试县财政局'));
    const farDepartment = await departmentOf(tx, await createDepartment(tx, regions.otherCounty.code, '测试区生态环境局'));
    const entries = {} as IngestWorld['entries'];
    for (const [name, timeLimit] of Object.entries(ENTRY_LIMITS) as [keyof typeof ENTRY_LIMITS, TimeLimit][]) {
      entries[name] = await createEntry(tx, { regionCode: regions.county.code, departmentId: department.id, timeLimit });
    }
    const otherEntry = await createEntry(tx, {
      regionCode: regions.county.code,
      departmentId: otherDepartment.id,
      timeLimit: ENTRY_LIMITS.workingDays,
      name: '财政预算执行情况',
    });
    const far = await createEntry(tx, {
      regionCode: regions.otherCounty.code,
      departmentId: farDepartment.id,
      timeLimit: ENTRY_LIMITS.workingDays,
    });
    const { key } = await createApiKey(tx, { departmentId: department.id, label: '测试 CMS', createdBy: 'test' });
    const cookies = {
      dept: await userCookie(tx, { role: 'dept', regionCode: regions.county.code, departmentId: department.id }),
      supervisor: await userCookie(tx, { role: 'supervisor', regionCode: regions.county.code }),
      farSupervisor: await userCookie(tx, { role: 'supervisor', regionCode: regions.otherCounty.code }),
      provinceSupervisor: await userCookie(tx, { role: 'supervisor', regionCode: regions.province.code }),
      leader: await userCookie(tx, { role: 'leader', regionCode: regions.county.code }),
    };
    return { regions, department, otherDepartment, farDepartment, entries, otherEntry, farEntryCode: far.code, apiKey: key, cookies };
  });
}

/** Rows in the tables ingest writes, to assert that a refused request wrote nothing. */
export async function countIngestRows(db: Db): Promise<{ items: number; itemEvents: number; obligations: number; owedJobs: number }> {
  const [row] = await db<{ items: number; itemEvents: number; obligations: number; owedJobs: number }[]>`
    select (select count(*)::int from items) as items, (select count(*)::int from item_events) as "itemEvents",
           (select count(*)::int from obligations) as obligations, (select count(*)::int from owed_jobs) as "owedJobs"`;
  return row!;
}

/** The check an item is owed (the payload the relay will send), or null when none is owed. */
export async function owedCheckOf(db: Db, itemId: number): Promise<unknown> {
  const [row] = await db<{ payload: unknown }[]>`select payload from owed_jobs where key = ${`check-item-${itemId}`}`;
  return row?.payload ?? null;
}
