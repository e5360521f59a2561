// The hand-publishing form's read against real Postgres: the department's own entries with the rules in force for
// them, and a stored item of the department as the form edits it; never another department's.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { createPageWorld, type PageWorld } from '../departments/test-fixtures';
import { getPublishForm } from './get-publish-form';

let world: PageWorld;

beforeAll(async () => {
  world = await createPageWorld(sql);
});

describe('getPublishForm', () => {
  it('offers the department’s own current entries, each with its requirements and the completeness rule in force', async () => {
    const form = await getPublishForm(sql, world.scopes.dept, {});
    if (typeof form === 'string') throw new Error(form);
    expect(form.department).toMatchObject({ id: world.department.id, orgCode: world.department.orgCode, name: '测试县生态环境局' });
    expect(form.entries.map((e) => e.id).sort((a, b) => a - b)).toEqual(Object.values(world.entries).map((e) => e.id).sort((a, b) => a - b));
    expect(form.entries.some((e) => e.id === world.otherEntry.id)).toBe(false);
    const entry = form.entries.find((e) => e.id === world.entries.workingDays.id)!;
    expect(entry).toMatchObject({
      requiredElements: ['indexNo', 'body'],
      channels: ['website', 'open_platform'],
      // the page world's completeness rule of the province, with its defaults; no channel rule in that world
      completeness: { checkIndexNoFormat: true, maxSummaryLength: 100, requirePublisherFullName: true },
      isChannelChecked: false,
    });
    expect(form.item).toBeNull();
  });

  it('gives a stored item of the department as the ingest payload’s fields', async () => {
    const form = await getPublishForm(sql, world.scopes.dept, { itemId: world.items.incomplete });
    if (typeof form === 'string') throw new Error(form);
    expect(form.item).toMatchObject({
      id: world.items.incomplete,
      entryId: world.entries.workingDays.id,
      title: '按时公开但索引号有误',
      indexNo: 'bad',
      body: '正文',
      channels: ['website'],
      formedAt: new Date('2026-11-02T10:00:00+08:00').toISOString(),
      publishedAt: new Date('2026-11-03T10:00:00+08:00').toISOString(),
      eventAt: null,
      withdrawnAt: null,
    });
    expect(form.item!.externalId).toMatch(/^page-/);
  });

  it('is missing for another department’s item, and not for users without a department', async () => {
    expect(await getPublishForm(sql, world.scopes.otherDept, { itemId: world.items.incomplete })).toBe('missing');
    expect(await getPublishForm(sql, world.scopes.dept, { itemId: 999_999_999 })).toBe('missing');
    expect(await getPublishForm(sql, world.scopes.supervisor, {})).toBe('no_department');
  });
});
