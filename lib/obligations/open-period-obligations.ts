// Periodic and fixed-date entries owe information every period whether or not anything was formed
// (DESIGN §1 Obligation): a scheduled job calls openPeriodObligations, which opens, for every current
// such entry, the obligation of the period current at `at` for the entry's responsible department.
// Idempotent: a period that already has its obligation — under this entry version or an earlier one of
// the same code — is left alone, and the unique index obligations_period settles a race between two
// runs. Running it often (hourly, or at every start-up) is cheap and catches up after downtime.
//
// level and next_check_at follow obligation-plan.ts: an obligation opened late (after downtime, or for
// an entry added mid-period) may open already yellow or worse. The sweep only acts on thresholds still
// ahead, so the caller raises the deadline alert of every returned obligation whose level is not 'none'.
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import { shanghaiDayOf, startOfShanghaiDay } from '../calendar/ymd';
import { timeLimitSchema } from '../catalog/time-limit';
import type { Db } from '../db/sql';
import type { Level } from '../rules/level';
import { getRules } from '../rules/store/queries';
import type { Rule } from '../rules/rule';
import { deadlineParamsFor, planObligation } from './obligation-plan';
import { isPeriodLimit, periodAt } from './periods';

export interface OpenedPeriodObligation {
  id: number;
  catalogEntryId: number;
  departmentId: number;
  regionCode: string;
  periodKey: string;
  level: Level;
  dueAt: Date;
  nextCheckAt: Date | null;
}

export interface OpenPeriodObligationsResult {
  /** Obligations this run opened. */
  opened: OpenedPeriodObligation[];
  /** Current periodic/fixed-date entries looked at. */
  entries: number;
}

interface EntryRow {
  id: number;
  code: string;
  region_code: string;
  region_path: string;
  domain: string;
  department_id: number;
  position_id: number | null;
  time_limit: unknown;
}

const INSERT_CHUNK = 1_000;

export async function openPeriodObligations(
  db: Db,
  input: { at: Date; calendar?: Calendar; rules?: readonly Rule[] },
): Promise<OpenPeriodObligationsResult> {
  const { at } = input;
  const calendar = input.calendar ?? (await getCalendar(db));
  const rules = input.rules ?? (await getRules(db));
  const day = shanghaiDayOf(at);

  const entries = await db<EntryRow[]>`
    select c.id, c.code, c.region_code, r.path as region_path, c.domain, c.department_id, c.position_id, c.time_limit
    from catalog_entries c
    join regions r on r.code = c.region_code
    where c.is_current and c.mode <> 'withheld' and c.time_limit->>'kind' in ('periodic', 'fixed_date')
      and c.created_at <= ${at} and (c.retired_at is null or c.retired_at > ${at})`;
  if (entries.length === 0) return { opened: [], entries: 0 };

  const rows = entries.flatMap((entry) => {
    const limit = timeLimitSchema.parse(entry.time_limit);
    if (!isPeriodLimit(limit)) return [];
    const period = periodAt(limit, day);
    const params = deadlineParamsFor(rules, { regionPath: entry.region_path, domain: entry.domain, entryId: entry.id });
    const plan = planObligation(calendar, limit, { periodStart: period.start }, params, at);
    if (!plan) return [];
    return [
      {
        catalog_entry_id: entry.id,
        entry_code: entry.code,
        department_id: entry.department_id,
        region_code: entry.region_code,
        position_id: entry.position_id,
        period_key: period.key,
        anchor_at: startOfShanghaiDay(period.start),
        warn_at: plan.times.warnAt,
        due_at: plan.times.dueAt,
        severe_at: plan.times.severeAt,
        is_provisional: plan.times.provisional,
        level: plan.level,
        next_check_at: plan.nextCheckAt,
      },
    ];
  });

  const opened: OpenedPeriodObligation[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    // rows travel as one JSON document; `not exists` skips periods opened under an earlier version of the entry
    const inserted = await db<
      { id: number; catalog_entry_id: number; department_id: number; region_code: string; period_key: string; level: Level; due_at: Date; next_check_at: Date | null }[]
    >`
      insert into obligations (catalog_entry_id, department_id, region_code, position_id, period_key, anchor_at,
        warn_at, due_at, severe_at, is_provisional, state, level, next_check_at, created_at, updated_at)
      select x.catalog_entry_id, x.department_id, x.region_code, x.position_id, x.period_key, x.anchor_at,
        x.warn_at, x.due_at, x.severe_at, x.is_provisional, 'open', x.level, x.next_check_at, ${at}, ${at}
      from jsonb_to_recordset(${JSON.stringify(chunk)}::text::jsonb) as x(catalog_entry_id bigint, entry_code text,
        department_id bigint, region_code text, position_id bigint, period_key text, anchor_at timestamptz,
        warn_at timestamptz, due_at timestamptz, severe_at timestamptz, is_provisional boolean, level text,
        next_check_at timestamptz)
      where not exists (
        select 1 from obligations o join catalog_entries c on c.id = o.catalog_entry_id
        where o.department_id = x.department_id and o.period_key = x.period_key
          and c.region_code = x.region_code and c.code = x.entry_code)
      on conflict (department_id, catalog_entry_id, period_key) where period_key is not null do nothing
      returning id, catalog_entry_id, department_id, region_code, period_key, level, due_at, next_check_at`;
    for (const row of inserted) {
      opened.push({
        id: row.id,
        catalogEntryId: row.catalog_entry_id,
        departmentId: row.department_id,
        regionCode: row.region_code,
        periodKey: row.period_key,
        level: row.level,
        dueAt: row.due_at,
        nextCheckAt: row.next_check_at,
      });
    }
  }
  return { opened, entries: entries.length };
}
