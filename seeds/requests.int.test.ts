// The demo requests replayed through the real intake and workflow code on a private region: every state and
// every reply type, the events that lead to each state, consultations, an extension, 补正 and 视为放弃, overdue
// requests with their alerts, and nothing added by a second seed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../lib/auth/scope';
import { loadCalendar } from '../lib/calendar/store/queries';
import { sql } from '../lib/db/sql';
import { REPLY_TYPES, STATES } from '../lib/requests/request';
import { createRequestWorld, type RequestWorld } from '../lib/requests/test-fixtures';
import { loadRules } from '../lib/rules/store/queries';
import { planRequests, REQUEST_SCENARIOS, seedRequests, type SeedRequestsContext } from './requests';

const TODAY = '2026-12-07';
const AT = new Date('2026-12-07T11:00:00+08:00');
let world: RequestWorld;
let context: SeedRequestsContext;
let added: number;

beforeAll(async () => {
  world = await createRequestWorld(sql);
  const { county } = world.regions;
  const [department] = await sql<{ code: string }[]>`select code from departments where id = ${world.department.id}`;
  const [rules, cal] = await Promise.all([loadRules(sql), loadCalendar(sql)]);
  const staff: Scope = { userId: 0, username: 'seed-test', role: 'supervisor', regionCode: county.code, regionPath: county.path, departmentId: null };
  context = {
    at: AT,
    plans: planRequests({ today: TODAY, at: AT, cal, units: [{ regionCode: county.code, departmentCodes: [department!.code] }] }),
    departmentIds: new Map([[department!.code, world.department.id]]),
    staff,
    actorFor: () => 'seed-test',
    rules,
    cal,
  };
  added = await sql.begin((tx) => seedRequests(tx, context));
});

const rowsOfCounty = () =>
  sql<{ id: number; state: string; reply_type: string | null; level: string; pauses: unknown[]; extended_working_days: number }[]>`
    select id, state, reply_type, level, pauses, extended_working_days from requests where region_code = ${world.regions.county.code}`;

describe('demo requests', () => {
  it('covers every state and every reply type, with consultations, an extension and an abandoned 补正', async () => {
    expect(added).toBe(REQUEST_SCENARIOS.length);
    const rows = await rowsOfCounty();
    expect([...new Set(rows.map((r) => r.state))].sort()).toEqual([...STATES].sort());
    expect([...new Set(rows.map((r) => r.reply_type).filter((t) => t !== null))].sort()).toEqual([...REPLY_TYPES].sort());
    expect(rows.filter((r) => r.pauses.length > 0)).toHaveLength(2);
    expect(rows.filter((r) => r.extended_working_days > 0)).toHaveLength(1);
    expect(rows.filter((r) => ['orange', 'red'].includes(r.level)).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every request the events that lead to its state, and its alert of today', async () => {
    const rows = await sql<{ state: string; last_to: string | null; level: string; alerts: number }[]>`
      select q.state, q.level,
        (select e.to_state from request_events e where e.request_id = q.id order by e.at desc, e.id desc limit 1) as last_to,
        (select count(*)::int from alerts a where a.subject_type = 'request' and a.subject_id = q.id and a.state <> 'resolved') as alerts
      from requests q where q.region_code = ${world.regions.county.code}`;
    for (const row of rows) {
      expect(row.last_to).toBe(row.state);
      expect(row.alerts).toBe(row.level === 'none' ? 0 : 1);
    }
  });

  it('adds nothing the second time', async () => {
    expect(await sql.begin((tx) => seedRequests(tx, context))).toBe(0);
  });
});
