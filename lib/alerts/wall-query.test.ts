import { describe, expect, it } from 'vitest';
import { alertMatchesFilter, summaryFilterOf } from './alert-filter';
import { testAlert } from './test-alert';
import { parseWallQuery, wallQueryToApiParams, wallQueryToFilter, wallQueryToFilterParams, wallQueryToSearch } from './wall-query';

describe('the wall query in the URL', () => {
  it('defaults to unresolved alerts and leaves the default out of the URL', () => {
    const query = parseWallQuery(new URLSearchParams(''));
    expect(query).toEqual({ state: 'unresolved' });
    expect(wallQueryToSearch(query)).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const search = '?state=all&level=red&domain=budgets&departmentId=12&from=2026-11-01&to=2026-11-30&q=%E9%A2%84%E7%AE%97';
    const query = parseWallQuery(new URLSearchParams(search));
    expect(query).toEqual({ state: 'all', level: 'red', domain: 'budgets', departmentId: 12, from: '2026-11-01', to: '2026-11-30', q: '预算' });
    expect(wallQueryToSearch(query)).toBe(search);
  });

  it('drops what it cannot read instead of failing the page', () => {
    const query = parseWallQuery({ level: 'purple', domain: ['environment', 'budgets'], departmentId: '-3', from: '2026-02-30', to: 'x' });
    expect(query).toEqual({ state: 'unresolved', domain: 'environment' });
    // a range that ends before it starts keeps its start
    expect(parseWallQuery({ from: '2026-11-10', to: '2026-11-01' })).toEqual({ state: 'unresolved', from: '2026-11-10' });
  });

  it('asks the API for the opening order, the state spelled out, and the cursor', () => {
    const params = wallQueryToApiParams({ state: 'unresolved', level: 'orange' }, { limit: 50, cursor: 'abc' });
    expect(Object.fromEntries(params)).toEqual({ order: 'opened', limit: '50', state: 'unresolved', level: 'orange', cursor: 'abc' });
  });

  it('gives the counters and the chart the list’s filter, and trims a search to nothing when blank', () => {
    const params = wallQueryToFilterParams({ state: 'open', departmentId: 7, q: '公开' });
    expect(Object.fromEntries(params)).toEqual({ state: 'open', departmentId: '7', q: '公开' });
    expect(parseWallQuery({ q: '   ' })).toEqual({ state: 'unresolved' });
  });
});

describe('alertMatchesFilter', () => {
  const filter = wallQueryToFilter({ state: 'unresolved', domain: 'environment', from: '2026-11-26', to: '2026-11-26' });

  it('counts a bare day as that whole day in Asia/Shanghai', () => {
    // 2026-11-26 00:00 and 23:59 in Shanghai are 2026-11-25T16:00Z and 2026-11-26T15:59Z
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, openedAt: '2026-11-25T16:00:00.000Z' }), filter)).toBe(true);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, openedAt: '2026-11-26T15:59:59.999Z' }), filter)).toBe(true);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, openedAt: '2026-11-26T16:00:00.000Z' }), filter)).toBe(false);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, openedAt: '2026-11-25T15:59:59.999Z' }), filter)).toBe(false);
  });

  it('treats unresolved as open or acknowledged, and a missing domain as other', () => {
    const at = { openedAt: '2026-11-26T02:00:00.000Z' };
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, ...at, state: 'acknowledged' }), filter)).toBe(true);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, ...at, state: 'resolved' }), filter)).toBe(false);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, ...at, domain: null }), wallQueryToFilter({ state: 'all', domain: 'other' }))).toBe(true);
    expect(alertMatchesFilter(testAlert({ id: 1, seq: 1, ...at, state: 'resolved' }), wallQueryToFilter({ state: 'all' }))).toBe(true);
  });
});

describe('a search', () => {
  const alert = testAlert({ id: 1, seq: 1, message: '要素不全：缺少索引号', departmentName: '建邺区财政局', subject: { type: 'item', id: 9, title: '2026年部门预算公开' } });

  it('finds the text in the subject’s title, the department or the message, ignoring case', () => {
    for (const q of ['部门预算', '财政局', '索引号']) expect(alertMatchesFilter(alert, wallQueryToFilter({ state: 'all', q }))).toBe(true);
    expect(alertMatchesFilter(alert, wallQueryToFilter({ state: 'all', q: '决算' }))).toBe(false);
    const latin = testAlert({ id: 2, seq: 1, message: 'PDF 附件缺失' });
    expect(alertMatchesFilter(latin, wallQueryToFilter({ state: 'all', q: 'pdf' }))).toBe(true);
  });

  it('counts unresolved alerts for the counters, narrowed to one state only when the list names it', () => {
    expect(summaryFilterOf({ state: 'resolved', level: 'red' })).toEqual({ state: 'unresolved', level: 'red' });
    expect(summaryFilterOf({ state: 'acknowledged' })).toEqual({ state: 'acknowledged' });
    expect(summaryFilterOf({})).toEqual({ state: 'unresolved' });
  });
});
