// 修改单日 (PUT /api/v1/calendar/days/:date): an admin corrects one day of a loaded year — 放假, 调休上班 or back
// to normal — from the calendar's year view. It is the year load with one day changed: the same lock, the
// year's arrangement replaced (other days and their names kept), and the same recomputation of every open
// obligation whose count touches the year, in one transaction with its audit row. After the commit the caller
// hands the changes to afterCalendarYearLoaded.
import type { AlertChange } from '../../alerts/apply-findings';
import { recordAudit } from '../../audit/record-audit';
import type { Sql } from '../../db/sql';
import { refuse, type Refusal } from '../../refusal';
import { arrangementProblems, dayKindIn, withDayKind, type CalendarDayBody, type DayKind } from '../arrangement';
import { yearOf, type Ymd } from '../ymd';
import { lockCalendarYear, replaceYearAndRecompute } from './load-calendar-year';

export type SetCalendarDayResult =
  | { ok: true; isChanged: boolean; changes: AlertChange[]; moved: number; recomputed: number }
  | Refusal<'invalid' | 'conflict'>;

const KIND_NAMES: Record<DayKind, string> = { holiday: '放假', workday: '调休上班', normal: '普通' };

export async function setCalendarDay(
  sql: Sql,
  input: { day: Ymd; body: CalendarDayBody; actor: string; at: Date },
): Promise<SetCalendarDayResult> {
  const { day, body, actor, at } = input;
  const year = yearOf(day);
  return sql.begin(async (tx): Promise<SetCalendarDayResult> => {
    await lockCalendarYear(tx, year);
    const [loaded] = await tx<{ source: string }[]>`select source from calendar_years where year = ${year}`;
    // a single day in a year never loaded would mark the whole year loaded on weekends alone
    if (!loaded) return refuse('conflict', `${year} 年的节假日安排尚未载入，请先载入全年安排再修改单日`);
    const days = await tx<{ day: string; kind: 'holiday' | 'workday'; name: string | null }[]>`
      select day::text as day, kind, name from calendar_days
      where day >= make_date(${year}::int, 1, 1) and day < make_date(${year + 1}::int, 1, 1) order by day`;
    const arrangement = {
      holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
      workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
    };
    const names: Record<Ymd, string> = Object.fromEntries(days.filter((d) => d.name !== null).map((d) => [d.day, d.name!]));
    const beforeKind = dayKindIn(arrangement, day);
    const beforeName = names[day] ?? null;
    const name = body.kind === 'normal' ? null : body.name || (beforeKind === body.kind ? beforeName : null);
    if (beforeKind === body.kind && beforeName === name) return { ok: true, isChanged: false, changes: [], moved: 0, recomputed: 0 };

    const next = withDayKind(arrangement, day, body.kind);
    const problems = arrangementProblems(year, next);
    if (Object.keys(problems).length > 0) {
      const message = body.kind === 'workday' ? `${day} 是工作日，只有周末可以设为调休上班` : Object.values(problems)[0]!;
      return refuse('invalid', message, { kind: message });
    }
    if (name) names[day] = name;
    else delete names[day];
    await recordAudit(tx, {
      actor,
      entity: 'calendar',
      entityId: day,
      action: 'set_day',
      before: { day, kind: beforeKind, kindName: KIND_NAMES[beforeKind], name: beforeName },
      after: { day, kind: body.kind, kindName: KIND_NAMES[body.kind], name },
    });
    const recomputation = await replaceYearAndRecompute(tx, { year, ...next, names, source: loaded.source, loadedBy: actor, at });
    return { ok: true, isChanged: true, ...recomputation };
  });
}
