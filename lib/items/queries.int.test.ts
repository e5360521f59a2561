// The item page's reads against real Postgres: 事项详情 with its catalog requirements checked by the rules in
// force, its obligation and open alerts, scoped (403 'outside' never reveals the item); a department's items
// with where each stands against its deadline.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { AT, createPageWorld, type PageWorld } from '../departments/test-fixtures';
import { countDepartmentItems, findItemDetail, listDepartmentItems } from './queries';

let world: PageWorld;

beforeAll(async () => {
  world = await createPageWorld(sql);
});

describe('findItemDetail', () => {
  it('holds an unpublished item against its entry: every required element and channel missing, overdue by now', async () => {
    const detail = await findItemDetail(sql, world.scopes.supervisor, world.items.unpublished, AT.overdue);
    if (typeof detail === 'string') throw new Error(detail);
    expect(detail).toMatchObject({
      title: '尚未公开的环评批复',
      publishedAt: null,
      department: { id: world.department.id, name: '测试县生态环境局', orgCode: world.department.orgCode },
      region: { code: world.regions.county.code },
      entry: { id: world.entries.workingDays.id, basis: '《政府信息公开条例》第二十条', timeLimit: { kind: 'working_days_after', n: 20 } },
      rules: { completeness: { level: 'orange' }, channel: null },
      alerts: [],
    });
    expect(detail.requirements.elements.map((e) => [e.label, e.status])).toEqual([
      ['索引号', 'missing'],
      ['正文', 'missing'],
    ]);
    expect(detail.requirements.missingChannels).toEqual(['website', 'open_platform']);
    expect(detail.obligations).toHaveLength(1);
    expect(detail.obligations[0]).toMatchObject({
      item: { id: world.items.unpublished },
      state: 'open',
      level: 'orange',
      dueDay: '2026-11-30',
      warnAt: new Date('2026-11-26T00:00:00+08:00').toISOString(),
      dueAt: new Date('2026-12-01T00:00:00+08:00').toISOString(),
      severeAt: new Date('2026-12-15T00:00:00+08:00').toISOString(),
    });
    // DESIGN §1's worked example, explained by the one deadline module
    expect(detail.obligations[0]!.deadline).toMatchObject({
      limit: { text: '信息形成或变更之日起20个工作日内' },
      dueDay: '2026-11-30',
      skipped: expect.arrayContaining([{ day: '2026-11-07', reason: 'weekend' }]),
    });
    expect(detail.obligations[0]!.deadline.explanation).toEqual(
      expect.arrayContaining(['不计：2026-11-28 至 2026-11-29 周末（2 天）', '到期：2026-11-30 24:00 前', '严重超期：2026-12-15 00:00 起']),
    );
    const later = await findItemDetail(sql, world.scopes.supervisor, world.items.unpublished, AT.severe);
    expect(typeof later !== 'string' && later.obligations[0]!.level).toBe('red');
  });

  it('shows a published item’s findings, its fulfilled obligation and its open alert', async () => {
    const detail = await findItemDetail(sql, world.scopes.supervisor, world.items.incomplete, AT.overdue);
    if (typeof detail === 'string') throw new Error(detail);
    const indexNo = detail.requirements.elements.find((e) => e.key === 'indexNo')!;
    expect(indexNo).toMatchObject({ status: 'malformed', value: 'bad', isRequired: true });
    expect(indexNo.messages[0]).toMatch(/索引号格式应为/);
    expect(detail.requirements.elements.find((e) => e.key === 'body')!.status).toBe('ok');
    expect(detail.requirements.channels).toEqual([
      { channel: 'website', label: '政府网站', isRequired: true, isPublished: true },
      { channel: 'open_platform', label: '政府信息公开平台', isRequired: true, isPublished: false },
    ]);
    expect(detail.obligations[0]).toMatchObject({ state: 'fulfilled', isLate: false, level: 'none' });
    expect(detail.alerts.map((a) => [a.id, a.rule.kind, a.level, a.state])).toEqual([
      [world.completenessAlertId, 'completeness', 'orange', 'open'],
    ]);
  });

  it('is outside for another unit or another department, missing for no item', async () => {
    expect(await findItemDetail(sql, world.scopes.farSupervisor, world.items.late, AT.overdue)).toBe('outside');
    expect(await findItemDetail(sql, world.scopes.otherDept, world.items.late, AT.overdue)).toBe('outside');
    expect(typeof (await findItemDetail(sql, world.scopes.dept, world.items.late, AT.overdue))).toBe('object');
    expect(typeof (await findItemDetail(sql, world.scopes.province, world.items.late, AT.overdue))).toBe('object');
    expect(await findItemDetail(sql, world.scopes.supervisor, 999_999_999, AT.overdue)).toBe('missing');
  });
});

describe('listDepartmentItems', () => {
  it('lists the newest first with where each stands against its deadline and its open alerts', async () => {
    const rows = await listDepartmentItems(sql, world.scopes.supervisor, world.department.id, { offset: 0, limit: 10 }, AT.overdue);
    expect(rows.map((row) => [row.id, row.deadlineState, row.openAlerts])).toEqual([
      [world.items.incomplete, 'on_time', 1],
      [world.items.late, 'late', 0],
      [world.items.unpublished, 'overdue', 0],
    ]);
    const early = await listDepartmentItems(sql, world.scopes.supervisor, world.department.id, { offset: 2, limit: 10 }, AT.beforeWarn);
    expect(early.map((row) => [row.id, row.deadlineState])).toEqual([[world.items.unpublished, 'pending']]);
    expect(await countDepartmentItems(sql, world.scopes.supervisor, world.department.id)).toBe(3);
  });

  it('lists nothing beyond the scope', async () => {
    expect(await listDepartmentItems(sql, world.scopes.farSupervisor, world.department.id, { offset: 0, limit: 10 }, AT.overdue)).toEqual([]);
    expect(await countDepartmentItems(sql, world.scopes.otherDept, world.department.id)).toBe(0);
  });
});
