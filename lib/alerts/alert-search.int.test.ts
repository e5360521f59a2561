// The wall's search (listAlerts with q) finds an alert by what its row shows: the item's title, the
// obligation's catalog entry, the complaint's tracking code and words, the message, the department; and an
// item published again under a new title is found by the new title only (alerts.search_text, migration 0058).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../auth/scope';
import { sql } from '../db/sql';
import { ingestItem } from '../items/ingest-item';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { insertComplaint, insertObligation, insertRedDeadlineAlert } from '../scoring/store/test-fixtures';
import { listAlerts } from './queries';

let world: IngestWorld;
const ids: Record<string, number> = {};
let itemId: number;
let trackingCode: string;
const marker = randomBytes(3).toString('hex');

async function publish(title: string, externalId: string) {
  const result = await ingestItem(sql, {
    department: world.department,
    payload: {
      externalId,
      catalogCode: world.entries.workingDays.code,
      title,
      formedAt: '2026-11-02T10:00:00+08:00',
      channels: ['website', 'open_platform'],
      indexNo: `${world.department.orgCode}/2026-00001`,
      body: '　　正文。',
    },
    receivedAt: new Date('2026-11-02T11:00:00+08:00'),
    actor: 'apikey:dwk_test',
  });
  if (!result.ok) throw new Error(`refused: ${result.refusal} ${result.message}`);
  return result.id;
}

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const externalId = `search-${marker}`;
  itemId = await publish(`关于城区噪声监测${marker}结果的公告`, externalId);
  const obligationId = await insertObligation(sql, {
    entryId: world.otherEntry.id,
    departmentId: world.otherDepartment.id,
    regionCode: world.regions.county.code,
    dueDay: '2026-12-28',
  });
  ids.obligation = await insertRedDeadlineAlert(sql, { obligationId, severeAt: '2026-12-29T00:00:00', openedAt: '2026-12-29T00:00:00' });
  const [rule] = await sql<{ id: number }[]>`select rule_id as id from alerts where id = ${ids.obligation}`;
  const complaint = await insertComplaint(sql, {
    departmentId: world.department.id,
    regionCode: world.regions.county.code,
    receivedAt: '2026-12-01T09:00:00',
    acceptDueAt: '2026-12-02T09:00:00',
    replyDueAt: '2026-12-15T09:00:00',
  });
  trackingCode = complaint.trackingCode;
  const [itemAlert, complaintAlert] = await sql<{ id: number }[]>`
    insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, item_id, complaint_id, department_id,
      region_code, message, opened_at, updated_at)
    values
      (${rule!.id}, 'completeness', 'orange', 'open', 'item', ${itemId}, ${itemId}, null, ${world.department.id},
        ${world.regions.county.code}, ${`要素不全：缺少发布机构${marker}`}, now(), now()),
      (${rule!.id}, 'complaint_sla', 'yellow', 'open', 'complaint', ${complaint.id}, null, ${complaint.id}, ${world.department.id},
        ${world.regions.county.code}, '即将逾期：签收', now(), now())
    returning id`;
  ids.item = itemAlert!.id;
  ids.complaint = complaintAlert!.id;
});

const county = () =>
  scopeOf({ id: 0, username: 'test-supervisor', role: 'supervisor', regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId: null });

async function found(q: string): Promise<number[]> {
  const alerts = await listAlerts(sql, county(), { q, state: 'unresolved', order: 'opened', limit: 200 });
  return alerts.map((a) => a.alert.id);
}

describe('searching the wall', () => {
  it('finds an alert by its item’s title, its entry, its complaint and its message, whatever the case of Latin letters', async () => {
    expect(await found(`噪声监测${marker}`)).toEqual([ids.item]);
    expect(await found(`发布机构${marker.toUpperCase()}`)).toEqual([ids.item]);
    expect(await found(trackingCode)).toEqual([ids.complaint]);
    expect(await found('未按时公开环评批复')).toContain(ids.complaint);
    expect(await found('财政预算执行情况')).toContain(ids.obligation);
    expect(await found(`噪声监测${marker}%`)).toEqual([]);
  });

  it('finds an item republished under a new title by the new title, not the old one', async () => {
    await publish(`关于城区水质监测${marker}结果的公告`, `search-${marker}`);
    const [item] = await sql<{ title: string }[]>`select title from items where id = ${itemId}`;
    expect(item!.title).toBe(`关于城区水质监测${marker}结果的公告`);
    expect(await found(`水质监测${marker}`)).toEqual([ids.item]);
    expect(await found(`噪声监测${marker}`)).toEqual([]);
  });
});
