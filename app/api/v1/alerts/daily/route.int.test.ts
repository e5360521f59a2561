// GET /api/v1/alerts/daily end to end (without HTTP): opened and resolved per day in Asia/Shanghai, every day
// of the window present, within the user's scope.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DailyAlertCount } from '../../../../../lib/alerts/daily-stats';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../../lib/alerts/test-fixtures';
import { setClockOffset } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { GET } from './route';

let world: AlertWorld;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  world = await createAlertWorld(sql);
  // 23:30 on the 24th in Shanghai is still the 24th, although it is the 24th 15:30 UTC
  const late = await openTestAlert(sql, world, { at: at('2026-11-24T23:30:00+08:00') });
  // 00:10 on the 25th in Shanghai is the 24th in UTC
  await openTestAlert(sql, world, { at: at('2026-11-25T00:10:00+08:00') });
  await openTestAlert(sql, world, { department: world.otherDepartment, at: at('2026-11-25T10:00:00+08:00') });
  await openTestAlert(sql, world, { department: world.farDepartment, at: at('2026-11-25T10:00:00+08:00') });
  await clearTestAlert(sql, late, at('2026-11-26T09:00:00+08:00'));
  // long before the window
  await openTestAlert(sql, world, { at: at('2026-09-01T10:00:00+08:00') });
});

afterEach(() => setClockOffset(0));

async function daily(query: string, cookie = world.cookies.supervisor) {
  setClockOffset(at('2026-11-26T12:00:00+08:00').getTime() - Date.now());
  const response = await GET(new Request(`http://127.0.0.1:3000/api/v1/alerts/daily${query}`, { headers: { cookie } }));
  return { status: response.status, body: await response.json() };
}

const nonZero = (data: DailyAlertCount[]) => data.filter((d) => d.opened > 0 || d.resolved > 0);

describe('GET /api/v1/alerts/daily', () => {
  it('counts the last 30 days up to today, by Shanghai day, zeros included', async () => {
    const { status, body } = await daily('?days=30');
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.asOfSeq).toBe((await sql<{ max: number }[]>`select max(seq)::int as max from alerts`)[0]!.max);
    expect(body.data).toHaveLength(30);
    expect(body.data[0].day).toBe('2026-10-28');
    expect(body.data[29].day).toBe('2026-11-26');
    expect(nonZero(body.data)).toEqual([
      { day: '2026-11-24', opened: 1, resolved: 0, resolvedManually: 0 },
      { day: '2026-11-25', opened: 2, resolved: 0, resolvedManually: 0 },
      { day: '2026-11-26', opened: 0, resolved: 1, resolvedManually: 0 },
    ]);
  });

  it('defaults to 30 days and follows the scope', async () => {
    expect((await daily('')).body.data).toHaveLength(30);
    const dept = await daily('?days=3', world.cookies.dept);
    expect(nonZero(dept.body.data).map((d: DailyAlertCount) => [d.day, d.opened, d.resolved])).toEqual([
      ['2026-11-24', 1, 0],
      ['2026-11-25', 1, 0],
      ['2026-11-26', 0, 1],
    ]);
    const province = await daily('?days=3', world.cookies.provinceSupervisor);
    expect(province.body.data.map((d: DailyAlertCount) => d.opened)).toEqual([1, 3, 0]);
  });

  it('follows the list’s filter (a department, a search), counting resolved alerts whatever state the list shows', async () => {
    const other = await daily(`?days=3&departmentId=${world.otherDepartment.id}&state=unresolved`);
    expect(nonZero(other.body.data).map((d: DailyAlertCount) => [d.day, d.opened, d.resolved])).toEqual([['2026-11-25', 1, 0]]);
    const searched = await daily(`?days=3&q=${encodeURIComponent('生态环境局')}`);
    expect(nonZero(searched.body.data).map((d: DailyAlertCount) => [d.day, d.opened, d.resolved])).toEqual([
      ['2026-11-24', 1, 0],
      ['2026-11-25', 1, 0],
      ['2026-11-26', 0, 1],
    ]);
    expect((await daily('?q=' + '字'.repeat(101))).status).toBe(400);
  });

  it.each(['?days=0', '?days=367', '?days=abc', '?days=1.5'])('refuses %s with a zh-CN message', async (query) => {
    const { status, body } = await daily(query);
    expect(status).toBe(400);
    expect(body.error.fields.days).toMatch(/days/);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
