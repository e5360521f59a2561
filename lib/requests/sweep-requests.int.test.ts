// The request sweep on real Postgres: a letter received Mon 2026-11-02 (due 11-30 24:00) turns yellow from 11-26,
// orange from 12-01 and red from 12-15 as the sweep passes those instants, each step one alert event; a request
// in consultation is looked at again each day; the reply resolves the alert.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../auth/scope';
import { sql } from '../db/sql';
import { actOnRequest } from './act-on-request';
import { fileRequest } from './file-request';
import { intakeSchema } from './schemas';
import { sweepRequests } from './sweep-requests';
import { createRequestWorld, requestBody, type RequestWorld } from './test-fixtures';

let world: RequestWorld;
let staff: Scope;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  world = await createRequestWorld(sql);
  const { county } = world.regions;
  staff = { userId: 0, username: 'sweep-test', role: 'supervisor', regionCode: county.code, regionPath: county.path, departmentId: null };
});

async function letterReceived(day: string, now: Date): Promise<number> {
  const input = intakeSchema.parse(requestBody(world, { channel: 'letter', receivedAt: day }));
  const result = await fileRequest(sql, staff, input, now);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

const stateOf = async (id: number) =>
  (
    await sql<{ level: string; next_check_at: Date | null; alert_level: string | null; alert_state: string | null }[]>`
      select q.level, q.next_check_at, a.level as alert_level, a.state as alert_state
      from requests q left join alerts a on a.subject_type = 'request' and a.subject_id = q.id and a.rule_kind = 'request_reply'
      where q.id = ${id}`
  )[0]!;

describe('sweepRequests', () => {
  it('moves a request across yellow, orange and red at the reply clock’s thresholds', async () => {
    const id = await letterReceived('2026-11-02', at('2026-11-20T10:00:00+08:00'));
    expect(await stateOf(id)).toMatchObject({ level: 'none', next_check_at: at('2026-11-26T00:00:00+08:00'), alert_level: null });

    const before = await sweepRequests(sql, at('2026-11-25T23:59:00+08:00'));
    expect(before.moved.map((m) => m.requestId)).not.toContain(id);

    const yellow = await sweepRequests(sql, at('2026-11-26T08:00:00+08:00'));
    expect(yellow.moved.map((m) => m.requestId)).toContain(id);
    expect(await stateOf(id)).toMatchObject({ level: 'yellow', next_check_at: at('2026-12-01T00:00:00+08:00'), alert_level: 'yellow', alert_state: 'open' });

    await sweepRequests(sql, at('2026-12-01T00:00:00+08:00'));
    expect(await stateOf(id)).toMatchObject({ level: 'orange', next_check_at: at('2026-12-15T00:00:00+08:00'), alert_level: 'orange' });

    await sweepRequests(sql, at('2026-12-15T00:00:00+08:00'));
    expect(await stateOf(id)).toMatchObject({ level: 'red', next_check_at: null, alert_level: 'red' });
    const events = await sql<{ kind: string; to_level: string }[]>`
      select e.kind, e.to_level from alert_events e join alerts a on a.id = e.alert_id
      where a.subject_type = 'request' and a.subject_id = ${id} order by e.seq`;
    expect(events).toEqual([
      { kind: 'opened', to_level: 'yellow' },
      { kind: 'level_changed', to_level: 'orange' },
      { kind: 'level_changed', to_level: 'red' },
    ]);
  });

  it('looks at a request in consultation again each day, and the reply resolves its alert', async () => {
    const id = await letterReceived('2026-11-02', at('2026-11-27T10:00:00+08:00'));
    expect((await stateOf(id)).level).toBe('yellow');
    const started = await actOnRequest(sql, staff, id, { action: 'start_consultation', at: { day: '2026-11-27' }, with: '第三方' }, at('2026-11-27T11:00:00+08:00'));
    expect(started.ok).toBe(true);
    expect((await stateOf(id)).next_check_at).toEqual(at('2026-11-28T00:00:00+08:00'));
    const replied = await actOnRequest(sql, staff, id, { action: 'end_consultation', at: { day: '2026-11-27' } }, at('2026-11-27T15:00:00+08:00'));
    expect(replied.ok).toBe(true);
    await actOnRequest(sql, staff, id, { action: 'reply', type: 'disclosed', text: '予以公开' }, at('2026-11-27T16:00:00+08:00'));
    expect(await stateOf(id)).toMatchObject({ level: 'none', next_check_at: null, alert_state: 'resolved' });
  });
});
