// Checking many items in one transaction (the check worker's batches), twice at once from two pools as two
// worker processes would: every finding opens exactly one alert, a fix resolves it, a re-check changes nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorld, type AlertWorld } from '../alerts/test-fixtures';
import { createSql, sql, type Sql } from '../db/sql';
import { invalidateRules } from '../rules/store/queries';
import { checkItems } from './check-item';
import { ingestItem } from './ingest-item';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const CHECKED_AT = shanghai('2026-11-05T10:00:00');

let world: AlertWorld;
let poolA: Sql;
let poolB: Sql;

function payload(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    externalId,
    catalogCode: world.entries.workingDays.code,
    title: '关于某建设项目环境影响报告书的批复',
    formedAt: '2026-11-02T10:00:00+08:00',
    publishedAt: '2026-11-03T10:00:00+08:00',
    channels: ['website', 'open_platform'],
    indexNo: `${world.department.orgCode}/2026-00001`,
    body: '　　正文。',
    ...overrides,
  };
}

async function ingest(body: Record<string, unknown>, receivedAt: Date): Promise<number> {
  const result = await ingestItem(sql, { department: world.department, payload: body, receivedAt, actor: 'apikey:dwk_test' });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.id;
}

const complete: number[] = [];
const incomplete: { id: number; externalId: string }[] = [];
const oneChannel: number[] = [];
const unpublished: number[] = [];

beforeAll(async () => {
  world = await createAlertWorld(sql);
  const at = shanghai('2026-01-01T00:00:00');
  for (const kind of ['deadline', 'channel'] as const) {
    await sql`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values (${kind}, '测试规则', ${world.regions.province.code}, '{}', 'yellow', ${at}, ${at})`;
  }
  invalidateRules();
  poolA = createSql(process.env.DATABASE_URL!, { max: 3 });
  poolB = createSql(process.env.DATABASE_URL!, { max: 3 });
  const receivedAt = shanghai('2026-11-03T10:01:00');
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < 8; i += 1) {
    complete.push(await ingest(payload(`ok-${tag}-${i}`), receivedAt));
    const externalId = `idx-${tag}-${i}`;
    incomplete.push({ id: await ingest(payload(externalId, { indexNo: undefined }), receivedAt), externalId });
    oneChannel.push(await ingest(payload(`ch-${tag}-${i}`, { channels: ['website'] }), receivedAt));
  }
  // formed long ago and never published: overdue by CHECKED_AT
  for (let i = 0; i < 4; i += 1) {
    unpublished.push(
      await ingest(payload(`late-${tag}-${i}`, { formedAt: '2026-09-01T10:00:00+08:00', publishedAt: undefined }), shanghai('2026-09-01T11:00:00')),
    );
  }
});

afterAll(async () => {
  await poolA?.end();
  await poolB?.end();
});

const alertsOf = (itemIds: number[]) =>
  sql<{ rule_kind: string; item_id: number; state: string; level: string; events: string[] }[]>`
    select a.rule_kind, a.item_id, a.state, a.level, array_agg(e.kind order by e.seq) as events
    from alerts a join alert_events e on e.alert_id = a.id
    where a.item_id = any(${itemIds}::bigint[])
    group by a.id
    order by a.item_id, a.rule_kind`;

describe('checking items in batches', () => {
  it('opens one alert per finding when two workers check overlapping batches at once', async () => {
    const all = [...complete, ...incomplete.map((i) => i.id), ...oneChannel, ...unpublished];
    const [a, b] = await Promise.all([
      checkItems(all, { sql: poolA, at: CHECKED_AT }),
      checkItems([...all].reverse(), { sql: poolB, at: CHECKED_AT }),
    ]);
    const changed = [...a, ...b];
    expect(changed.every((change) => change.change === 'opened')).toBe(true);
    expect(new Set(changed.map((change) => change.alertId)).size).toBe(changed.length);

    const alerts = await alertsOf(all);
    const expected = [
      ...incomplete.map(({ id }) => ({ rule_kind: 'completeness', item_id: id, state: 'open', level: 'orange', events: ['opened'] })),
      ...oneChannel.map((id) => ({ rule_kind: 'channel', item_id: id, state: 'open', level: 'yellow', events: ['opened'] })),
      ...unpublished.map((id) => ({ rule_kind: 'deadline', item_id: id, state: 'open', level: 'red', events: ['opened'] })),
    ].sort((x, y) => x.item_id - y.item_id || x.rule_kind.localeCompare(y.rule_kind));
    expect(alerts).toEqual(expected);
    expect(changed).toHaveLength(expected.length);
  });

  it('resolves the fixed ones in one batch and changes nothing on a re-check', async () => {
    const receivedAt = shanghai('2026-11-05T11:00:00');
    for (const { externalId } of incomplete) await ingest(payload(externalId), receivedAt);
    const all = [...complete, ...incomplete.map((i) => i.id), ...oneChannel, ...unpublished];

    const fixed = await checkItems(all, { sql: poolA, at: receivedAt });
    expect(fixed).toHaveLength(incomplete.length);
    const completeness = (await alertsOf(incomplete.map((i) => i.id))).filter((alert) => alert.rule_kind === 'completeness');
    expect(completeness.map((alert) => [alert.state, alert.events])).toEqual(incomplete.map(() => ['resolved', ['opened', 'resolved']]));

    expect(await checkItems(all, { sql: poolB, at: receivedAt })).toEqual([]);
  });

  it('clears a withdrawn item’s channel alert as withdrawn, not as fixed', async () => {
    const receivedAt = shanghai('2026-11-05T12:00:00');
    const [first] = oneChannel;
    const [row] = await sql<{ external_id: string }[]>`select external_id from items where id = ${first!}`;
    await ingest(payload(row!.external_id, { channels: ['website'], withdrawnAt: '2026-11-05T11:30:00+08:00', withdrawReason: '发布渠道有误，撤回重发' }), receivedAt);
    const cleared = await checkItems([first!], { sql: poolA, at: receivedAt });
    expect(cleared.map((change) => change.change)).toEqual(['updated']);
    const [event] = await sql<{ note: string }[]>`
      select e.note from alert_events e join alerts a on a.id = e.alert_id
      where a.item_id = ${first!} and a.rule_kind = 'channel' and e.kind = 'resolved'`;
    expect(event?.note).toBe('信息已撤回');
  });
});
