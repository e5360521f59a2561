import { describe, expect, it } from 'vitest';
import { deadlineMessage } from './deadline-level';

describe('deadlineMessage', () => {
  const facts = { entryName: '部门预算', dueDay: '2026-11-30' };

  it('says when the item is due (yellow)', () => {
    expect(deadlineMessage('yellow', facts)).toBe('临期：《部门预算》应于 2026-11-30 前公开');
  });

  it('says the limit has passed (orange), with the working days when known', () => {
    expect(deadlineMessage('orange', facts)).toBe('超期：《部门预算》已超过公开时限（应于 2026-11-30 前公开）');
    expect(deadlineMessage('orange', { ...facts, lateWorkingDays: 4 })).toBe(
      '超期：《部门预算》已超过公开时限 4 个工作日（应于 2026-11-30 前公开）',
    );
  });

  it('says how far past the limit it is (red)', () => {
    expect(deadlineMessage('red', { ...facts, lateWorkingDays: 10 })).toBe(
      '严重超期：《部门预算》超过时限 10 个工作日以上（应于 2026-11-30 前公开）',
    );
    expect(deadlineMessage('red', facts)).toBe('严重超期：《部门预算》严重超过公开时限（应于 2026-11-30 前公开）');
  });

  it('ignores a late count of zero', () => {
    expect(deadlineMessage('orange', { ...facts, lateWorkingDays: 0 })).toBe(deadlineMessage('orange', facts));
  });
});
