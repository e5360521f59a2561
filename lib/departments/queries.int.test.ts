// The department, obligation and catalog-entry reads of the department and catalog pages against real
// Postgres, at chosen instants of DESIGN §1's worked example, always within a scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { findCatalogEntryWithObligations } from '../catalog/queries';
import { sql } from '../db/sql';
import {
  countObligations,
  countOverdueByDomain,
  dueSoonUntil,
  listOpenObligations,
} from '../obligations/queries';
import { countDepartments, findDepartment, listDepartmentStats } from './queries';
import { AT, createPageWorld, type PageWorld } from './test-fixtures';

let world: PageWorld;

beforeAll(async () => {
  world = await createPageWorld(sql);
});

describe('findDepartment', () => {
  it('gives the department with its entries and open alerts, within the scope only', async () => {
    const department = await findDepartment(sql, world.scopes.supervisor, world.department.id);
    expect(department).toMatchObject({
      id: world.department.id,
      name: '测试县生态环境局',
      orgCode: world.department.orgCode,
      regionId: world.regions.county.code,
      regionName: '测试县',
      catalogEntries: 6,
      openAlerts: 1,
      positions: [],
    });
    expect(await findDepartment(sql, world.scopes.farSupervisor, world.department.id)).toBe('outside');
    expect(await findDepartment(sql, world.scopes.otherDept, world.department.id)).toBe('outside');
    expect(await findDepartment(sql, world.scopes.supervisor, 999_999_999)).toBe('missing');
  });
});

describe('listDepartmentStats', () => {
  it('counts open and overdue obligations and open alerts, the most overdue first', async () => {
    const rows = await listDepartmentStats(sql, world.scopes.supervisor, {}, { offset: 0, limit: 10 }, AT.overdue);
    expect(rows.map((row) => [row.id, row.openObligations, row.overdueObligations, row.openAlerts, row.catalogEntries])).toEqual([
      [world.department.id, 1, 1, 1, 6],
      [world.otherDepartment.id, 0, 0, 0, 1],
    ]);
    const before = await listDepartmentStats(sql, world.scopes.supervisor, {}, { offset: 0, limit: 1 }, AT.beforeWarn);
    expect(before.map((row) => [row.openObligations, row.overdueObligations])).toEqual([[1, 0]]);
  });

  it('filters by region subtree and name, within the scope', async () => {
    expect(await countDepartments(sql, world.scopes.province, {})).toBe(3);
    expect(await countDepartments(sql, world.scopes.province, { regionCode: world.regions.city.code })).toBe(3);
    expect(await countDepartments(sql, world.scopes.province, { regionCode: world.regions.otherCounty.code })).toBe(1);
    expect(await countDepartments(sql, world.scopes.supervisor, { q: '财政' })).toBe(1);
    expect(await countDepartments(sql, world.scopes.supervisor, { q: '%' })).toBe(0);
    expect(await countDepartments(sql, world.scopes.dept, {})).toBe(1);
    const far = await listDepartmentStats(sql, world.scopes.farSupervisor, {}, { offset: 0, limit: 10 }, AT.overdue);
    expect(far.map((row) => row.id)).toEqual([world.farDepartment.id]);
  });
});

describe('obligation reads', () => {
  it('looks 5 working days ahead for 近期到期', async () => {
    // 11-26, 11-27, 11-30, 12-01, 12-02: to 24:00 of 2026-12-02
    expect((await dueSoonUntil(sql, AT.beforeWarn)).toISOString()).toBe(new Date('2026-12-03T00:00:00+08:00').toISOString());
  });

  it('sorts open obligations into due soon and overdue as time passes', async () => {
    const filter = { departmentId: world.department.id, limit: 10 };
    const dueBy = await dueSoonUntil(sql, AT.beforeWarn);
    const soon = await listOpenObligations(sql, world.scopes.supervisor, { ...filter, window: 'dueSoon', dueBy }, AT.beforeWarn);
    expect(soon.map((o) => [o.item?.id, o.level, o.dueDay])).toEqual([[world.items.unpublished, 'none', '2026-11-30']]);
    // without a look-ahead, only the warn window counts
    expect(await listOpenObligations(sql, world.scopes.supervisor, { ...filter, window: 'dueSoon' }, AT.beforeWarn)).toEqual([]);
    const warned = await listOpenObligations(sql, world.scopes.supervisor, { ...filter, window: 'dueSoon' }, AT.inWarn);
    expect(warned.map((o) => o.level)).toEqual(['yellow']);
    expect(await listOpenObligations(sql, world.scopes.supervisor, { ...filter, window: 'overdue' }, AT.inWarn)).toEqual([]);

    const overdue = await listOpenObligations(sql, world.scopes.supervisor, { ...filter, window: 'overdue' }, AT.overdue);
    expect(overdue.map((o) => [o.item?.title, o.level, o.entry.domain])).toEqual([['尚未公开的环评批复', 'orange', 'environment']]);
    expect(await listOpenObligations(sql, world.scopes.farSupervisor, { ...filter, window: 'open' }, AT.overdue)).toEqual([]);
  });

  it('counts obligations by outcome, and overdue ones by domain', async () => {
    expect(await countObligations(sql, world.scopes.supervisor, { departmentId: world.department.id }, AT.severe)).toEqual({
      open: 1,
      overdue: 1,
      severe: 1,
      fulfilledOnTime: 1,
      fulfilledLate: 1,
    });
    const atOverdue = await countOverdueByDomain(sql, world.scopes.supervisor, {}, AT.overdue);
    expect(atOverdue).toHaveLength(10);
    expect(atOverdue.find((row) => row.domain === 'environment')).toEqual({ domain: 'environment', overdue: 1, severe: 0 });
    expect(atOverdue.filter((row) => row.domain !== 'environment').every((row) => row.overdue + row.severe === 0)).toBe(true);
    const atSevere = await countOverdueByDomain(sql, world.scopes.supervisor, { departmentId: world.department.id }, AT.severe);
    expect(atSevere.find((row) => row.domain === 'environment')).toEqual({ domain: 'environment', overdue: 0, severe: 1 });
    const far = await countOverdueByDomain(sql, world.scopes.farSupervisor, {}, AT.severe);
    expect(far.every((row) => row.overdue + row.severe === 0)).toBe(true);
  });

  it('gives a catalog entry with its obligations', async () => {
    const entry = await findCatalogEntryWithObligations(sql, world.scopes.supervisor, world.entries.workingDays.id, AT.overdue);
    if (typeof entry === 'string') throw new Error(entry);
    expect(entry.obligations.counts).toEqual({ open: 1, overdue: 1, severe: 0, fulfilledOnTime: 1, fulfilledLate: 1 });
    expect(entry.obligations.open.map((o) => o.item?.id)).toEqual([world.items.unpublished]);
    expect(await findCatalogEntryWithObligations(sql, world.scopes.farSupervisor, world.entries.workingDays.id, AT.overdue)).toBe(
      'outside',
    );
  });
});
