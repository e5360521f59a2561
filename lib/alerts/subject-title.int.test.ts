// The subject's title as the alert select reads it from the item, the obligation's entry and period, and the
// complaint (DESIGN §3 subject.title), the same select the REST list and the socket pushes use.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { insertComplaint, insertObligation, insertRedDeadlineAlert } from '../scoring/store/test-fixtures';
import { findAlertsByIds } from './alert';

let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

async function titleOf(alertId: number): Promise<string | undefined> {
  const [found] = await findAlertsByIds(sql, [alertId]);
  return found?.alert.subject.title;
}

describe('alert subject titles', () => {
  it('names an obligation’s alert by the period and the catalog entry', async () => {
    const obligationId = await insertObligation(sql, {
      entryId: world.otherEntry.id,
      departmentId: world.otherDepartment.id,
      regionCode: world.regions.county.code,
      dueDay: '2026-12-28',
    });
    await sql`update obligations set period_key = '2026-11' where id = ${obligationId}`;
    const alertId = await insertRedDeadlineAlert(sql, { obligationId, severeAt: '2026-12-29T00:00:00', openedAt: '2026-12-29T00:00:00' });
    expect(await titleOf(alertId)).toBe('2026年11月 财政预算执行情况');
  });

  it('names an item’s alert by its title and a complaint’s by its tracking code and what it says', async () => {
    const [item] = await sql<{ id: number }[]>`
      insert into items (external_id, catalog_entry_id, department_id, region_code, title, formed_at, received_at, updated_at, payload_hash)
      select ${`subject-${world.department.id}`}, ${world.entries.workingDays.id}, ${world.department.id}, ${world.regions.county.code},
        '关于2026年第三季度环境质量状况的公告', now(), now(), now(), 'test'
      returning id`;
    const complaint = await insertComplaint(sql, {
      departmentId: world.department.id,
      regionCode: world.regions.county.code,
      receivedAt: '2026-12-01T09:00:00',
      acceptDueAt: '2026-12-02T09:00:00',
      replyDueAt: '2026-12-15T09:00:00',
    });
    const [rule] = await sql<{ id: number }[]>`select id from rules order by id limit 1`;
    const [itemAlert, complaintAlert] = await sql<{ id: number }[]>`
      insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, item_id, complaint_id, department_id,
        region_code, message, opened_at, updated_at)
      values
        (${rule!.id}, 'completeness', 'orange', 'open', 'item', ${item!.id}, ${item!.id}, null, ${world.department.id},
          ${world.regions.county.code}, '要素不全：缺少索引号', now(), now()),
        (${rule!.id}, 'complaint_sla', 'yellow', 'open', 'complaint', ${complaint.id}, null, ${complaint.id}, ${world.department.id},
          ${world.regions.county.code}, '即将逾期：签收', now(), now())
      returning id`;
    expect(await titleOf(itemAlert!.id)).toBe('关于2026年第三季度环境质量状况的公告');
    expect(await titleOf(complaintAlert!.id)).toBe(`${complaint.trackingCode} 未按时公开环评批复`);
  });
});
