import { describe, expect, it } from 'vitest';
import { tallyRuleChange } from './rule-change-effect';

describe('tallyRuleChange', () => {
  it('counts opens and resolves per department, the most affected first', () => {
    const effect = tallyRuleChange([
      { departmentId: 1, hasAlert: false, findsAfter: true },
      { departmentId: 2, hasAlert: true, findsAfter: false },
      { departmentId: 2, hasAlert: false, findsAfter: true },
      { departmentId: 3, hasAlert: true, findsAfter: true },
      { departmentId: 3, hasAlert: false, findsAfter: false },
    ]);
    expect(effect).toEqual({
      wouldOpen: 2,
      wouldResolve: 1,
      departments: [
        { departmentId: 2, wouldOpen: 1, wouldResolve: 1 },
        { departmentId: 1, wouldOpen: 1, wouldResolve: 0 },
      ],
    });
  });
});
