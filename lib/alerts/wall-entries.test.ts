import { describe, expect, it } from 'vitest';
import type { Alert } from './alert';
import type { AlertRow } from './alert-list';
import { testAlert } from './test-alert';
import { entryOffsets, GROUP_HEIGHT_PX, groupRows, ROW_HEIGHT_PX, visibleRange, wallEntries } from './wall-entries';

const row = (id: number, overrides: Partial<Alert> = {}): AlertRow => ({
  alert: testAlert({ id, seq: id, ...overrides }),
  leftAt: null,
});

describe('grouping the wall', () => {
  // newest first, as the list holds them
  const rows = [
    row(6, { itemId: 1, subject: { type: 'item', id: 1, title: '预算公开' }, level: 'red' }),
    row(5, { itemId: 2, subject: { type: 'item', id: 2, title: '决算公开' }, departmentId: 11, departmentName: '财政局' }),
    row(4, { itemId: 1, subject: { type: 'obligation', id: 9, title: '2026年11月 预算公开' }, rule: { id: 2, kind: 'deadline' } }),
    row(3, { itemId: null, subject: { type: 'complaint', id: 7, title: 'TS-1 投诉' }, rule: { id: 3, kind: 'complaint_sla' } }),
  ];

  it('by item: an item’s alerts together, whatever their subject, groups in the order of their newest row', () => {
    const groups = groupRows(rows, 'item');
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.alert.id)])).toEqual([
      ['预算公开', [6, 4]],
      ['决算公开', [5]],
      ['TS-1 投诉', [3]],
    ]);
    expect(groups[0]!.byLevel).toEqual({ yellow: 0, orange: 1, red: 1 });
  });

  it('by department and rule', () => {
    const groups = groupRows(rows, 'department_rule');
    expect(groups.map((g) => [g.label, g.rows.length])).toEqual([
      ['测试县生态环境局 · 要素完整性', 1],
      ['财政局 · 要素完整性', 1],
      ['测试县生态环境局 · 公开时限', 1],
      [expect.stringMatching(/^测试县生态环境局 · /), 1],
    ]);
  });

  it('draws a collapsed group as its header alone', () => {
    const collapsed = new Set([groupRows(rows, 'item')[0]!.key]);
    const entries = wallEntries(rows, 'item', collapsed);
    expect(entries.map((e) => (e.kind === 'group' ? `g${e.group.rows.length}${e.isCollapsed ? 'c' : ''}` : e.row.alert.id))).toEqual([
      'g2c',
      'g1',
      5,
      'g1',
      3,
    ]);
    expect(wallEntries(rows, 'none', collapsed)).toHaveLength(4);
  });
});

describe('drawing only what is in view', () => {
  it('finds the entries crossing the viewport among ten thousand', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(10_000 - i));
    const offsets = entryOffsets(wallEntries(many, 'none', new Set()));
    expect(offsets.at(-1)).toBe(10_000 * ROW_HEIGHT_PX);
    expect(visibleRange(offsets, 0, 600, 0)).toEqual({ start: 0, end: 11 });
    // scrolled to row 5,000 exactly
    expect(visibleRange(offsets, 5_000 * ROW_HEIGHT_PX, 580, 2)).toEqual({ start: 4_998, end: 5_012 });
    expect(visibleRange(offsets, 10_000 * ROW_HEIGHT_PX - 100, 600, 0).end).toBe(10_000);
    expect(visibleRange([0], 0, 600)).toEqual({ start: 0, end: 0 });
  });

  it('counts group headers at their own height', () => {
    const offsets = entryOffsets(wallEntries([row(2), row(1)], 'item', new Set()));
    expect(offsets).toEqual([0, GROUP_HEIGHT_PX, GROUP_HEIGHT_PX + ROW_HEIGHT_PX, 2 * GROUP_HEIGHT_PX + ROW_HEIGHT_PX, 2 * GROUP_HEIGHT_PX + 2 * ROW_HEIGHT_PX]);
  });
});
