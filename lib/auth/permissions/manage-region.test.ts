import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { canApproveWithheld, canManageCatalog, canManageRule } from './manage-region';

const PROVINCE = '320000';
const CITY = '320000.320100';
const COUNTY = '320000.320100.320105';
const OTHER_CITY = '320000.320200';

const at = (role: Role, regionPath: string) => ({ role, regionPath });

describe('canManageRule and canManageCatalog: one decision', () => {
  // [role, the user's region, the subject's region, may manage]
  const CASES: [Role, string, string | null, boolean][] = [
    ['admin', PROVINCE, COUNTY, true],
    ['admin', PROVINCE, null, true],
    ['admin', CITY, OTHER_CITY, false],
    ['supervisor', CITY, CITY, true],
    ['supervisor', CITY, COUNTY, true],
    ['supervisor', COUNTY, CITY, false],
    ['supervisor', CITY, OTHER_CITY, false],
    ['supervisor', PROVINCE, null, false],
    ...(['leader', 'handler', 'dept'] as const).map((role): [Role, string, string | null, boolean] => [role, PROVINCE, COUNTY, false]),
  ];

  it.each(CASES)('%s of %s on %s → %s', (role, own, subject, expected) => {
    expect(canManageRule(at(role, own), subject)).toBe(expected);
    if (subject !== null) expect(canManageCatalog(at(role, own), subject)).toBe(expected);
  });

  it('agrees for rules and catalog entries on every role and region pair', () => {
    for (const role of ROLES) {
      for (const own of [PROVINCE, CITY, COUNTY, OTHER_CITY]) {
        for (const subject of [PROVINCE, CITY, COUNTY, OTHER_CITY]) {
          expect(canManageCatalog(at(role, own), subject)).toBe(canManageRule(at(role, own), subject));
        }
      }
    }
  });
});

describe('canApproveWithheld', () => {
  it('lets a city office or above approve in its subtree', () => {
    expect(canApproveWithheld(at('supervisor', CITY), 'city', COUNTY)).toBe(true);
    expect(canApproveWithheld(at('supervisor', PROVINCE), 'province', COUNTY)).toBe(true);
    expect(canApproveWithheld(at('admin', PROVINCE), 'province', COUNTY)).toBe(true);
  });

  it('refuses a county office, another city, and roles that do not manage the catalog', () => {
    expect(canApproveWithheld(at('supervisor', COUNTY), 'county', COUNTY)).toBe(false);
    expect(canApproveWithheld(at('supervisor', CITY), 'city', OTHER_CITY)).toBe(false);
    expect(canApproveWithheld(at('leader', PROVINCE), 'province', COUNTY)).toBe(false);
    expect(canApproveWithheld(at('handler', PROVINCE), 'province', COUNTY)).toBe(false);
  });
});
