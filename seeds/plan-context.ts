// What the item planner reads once structure, catalog and rules are in: the working-day calendar, and
// each catalog entry's deadline parameters as the product resolves them under the seeded rules.
import { loadCalendar } from '../lib/calendar/store/queries';
import type { Ymd } from '../lib/calendar/ymd';
import type { Db } from '../lib/db/sql';
import { deadlineParamsFor } from '../lib/obligations/obligation-plan';
import { loadRules } from '../lib/rules/store/queries';
import type { PlanContext } from './item-planner';

export async function loadPlanContext(
  db: Db,
  seeded: {
    today: Ymd;
    asOf: Date;
    regions: readonly { code: string; path: string }[];
    /** `${region code}/${entry code}` → id of the current version */
    entryIds: ReadonlyMap<string, number>;
  },
): Promise<PlanContext> {
  const rules = await loadRules(db);
  const paths = new Map(seeded.regions.map((r) => [r.code, r.path]));
  return {
    today: seeded.today,
    calendar: await loadCalendar(db),
    asOf: seeded.asOf,
    deadlineParams: (entry) =>
      deadlineParamsFor(rules, {
        regionPath: paths.get(entry.regionCode) ?? entry.regionCode,
        domain: entry.domain,
        entryId: seeded.entryIds.get(`${entry.regionCode}/${entry.code}`) ?? 0,
      }),
  };
}
