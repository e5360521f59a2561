import { describe, expect, it } from 'vitest';
import { buildRegionTree, type RegionRow } from './region-tree';

const row = (code: string, parentCode: string | null, level: RegionRow['level'], items: number): RegionRow => ({
  code,
  name: code,
  shortName: code,
  level,
  parentCode,
  isPilot: level === 'county',
  catalogEntries: 1,
  items,
  openObligations: items > 0 ? 1 : 0,
  overdueObligations: 0,
});

describe('buildRegionTree', () => {
  it('rolls county counts up through the city to the province', () => {
    const [province] = buildRegionTree([
      row('320000', null, 'province', 0),
      row('320100', '320000', 'city', 0),
      row('320105', '320100', 'county', 40),
      row('320200', '320000', 'city', 0),
      row('320211', '320200', 'county', 2),
    ]);
    expect(province?.totals.items).toBe(42);
    expect(province?.totals.catalogEntries).toBe(5);
    expect(province?.children.map((c) => c.code)).toEqual(['320100', '320200']);
    expect(province?.children[0]?.totals.items).toBe(40);
  });

  it('makes the top of a narrower scope the root', () => {
    const roots = buildRegionTree([row('320105', '320100', 'county', 3)]);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.code).toBe('320105');
    expect(roots[0]?.children).toEqual([]);
  });
});
