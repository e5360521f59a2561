import { describe, expect, it } from 'vitest';
import { WORKSPACE_MAX_ROWS, WORKSPACE_PAGE_ROWS } from './get-workspace';
import { moreRowsQuery, workspaceLimitsFrom } from './workspace-limits';

const FIRST_PAGE = { overdue: WORKSPACE_PAGE_ROWS, dueSoon: WORKSPACE_PAGE_ROWS, alerts: WORKSPACE_PAGE_ROWS, complaints: WORKSPACE_PAGE_ROWS };

describe('workspaceLimitsFrom', () => {
  it('starts every list at its first page', () => {
    expect(workspaceLimitsFrom({})).toEqual(FIRST_PAGE);
  });

  it('reads a larger limit and falls back on anything unreadable or out of range', () => {
    expect(workspaceLimitsFrom({ overdue: '30', alerts: ['50', '70'], dueSoon: 'abc', complaints: String(WORKSPACE_MAX_ROWS + 1) })).toEqual({
      ...FIRST_PAGE,
      overdue: 30,
      alerts: 50,
    });
    expect(workspaceLimitsFrom({ overdue: '3' }).overdue).toBe(WORKSPACE_PAGE_ROWS);
  });
});

describe('moreRowsQuery', () => {
  it('adds rows to one list and keeps the others as they are', () => {
    expect(moreRowsQuery(FIRST_PAGE, 'alerts')).toBe(`?alerts=${WORKSPACE_PAGE_ROWS * 3}`);
    expect(moreRowsQuery({ ...FIRST_PAGE, overdue: 30 }, 'complaints')).toBe(`?overdue=30&complaints=${WORKSPACE_PAGE_ROWS * 3}`);
  });

  it('stops at the cap', () => {
    expect(moreRowsQuery({ ...FIRST_PAGE, overdue: WORKSPACE_MAX_ROWS - 1 }, 'overdue')).toBe(`?overdue=${WORKSPACE_MAX_ROWS}`);
  });
});
