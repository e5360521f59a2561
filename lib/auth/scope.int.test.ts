// scopeFilter in real SQL agrees with isRegionInScope / isDepartmentInScope.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { isDepartmentInScope, scopeFilter, scopeOf, type Scope } from './scope';
import { createDepartment, createRegionTree, type TestRegionTree } from './test-fixtures';

let regions: TestRegionTree;
let countyDept: number;
let countyDept2: number;
let otherCountyDept: number;
let cityDept: number;

const scopeAt = (region: { code: string; path: string }, role: Scope['role'] = 'supervisor', departmentId: number | null = null) =>
  scopeOf({ id: 1, username: 'scope-test', role, regionCode: region.code, regionPath: region.path, departmentId });

async function visibleDepartments(scope: Scope): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select d.id
    from departments d join regions r on r.code = d.region_code
    where r.path like ${`${regions.province.path}%`}
      and ${scopeFilter(sql, scope, { regionPath: 'r.path', departmentId: 'd.id' })}
    order by d.id`;
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  regions = await createRegionTree(sql);
  cityDept = await createDepartment(sql, regions.city.code, '市局');
  countyDept = await createDepartment(sql, regions.county.code, '县局甲');
  countyDept2 = await createDepartment(sql, regions.county.code, '县局乙');
  otherCountyDept = await createDepartment(sql, regions.otherCounty.code, '区局');
});

describe('scopeFilter', () => {
  it('gives a province user the whole tree and a city user the city with its counties', async () => {
    const all = [cityDept, countyDept, countyDept2, otherCountyDept].sort((a, b) => a - b);
    expect(await visibleDepartments(scopeAt(regions.province))).toEqual(all);
    expect(await visibleDepartments(scopeAt(regions.city))).toEqual(all);
  });

  it('gives a county user only that county', async () => {
    expect(await visibleDepartments(scopeAt(regions.county))).toEqual([countyDept, countyDept2]);
    expect(await visibleDepartments(scopeAt(regions.otherCounty))).toEqual([otherCountyDept]);
  });

  it('gives a department user only their department', async () => {
    expect(await visibleDepartments(scopeAt(regions.county, 'dept', countyDept2))).toEqual([countyDept2]);
  });

  it('agrees with isDepartmentInScope', async () => {
    const departments = [
      { id: cityDept, regionPath: regions.city.path },
      { id: countyDept, regionPath: regions.county.path },
      { id: countyDept2, regionPath: regions.county.path },
      { id: otherCountyDept, regionPath: regions.otherCounty.path },
    ];
    for (const scope of [scopeAt(regions.city), scopeAt(regions.county), scopeAt(regions.county, 'dept', countyDept)]) {
      const expected = departments.filter((d) => isDepartmentInScope(scope, d)).map((d) => d.id).sort((a, b) => a - b);
      expect(await visibleDepartments(scope)).toEqual(expected);
    }
  });

  it('filters rows no department owns by region only, also for a department user', async () => {
    const scope = scopeAt(regions.county, 'dept', countyDept);
    const rows = await sql<{ code: string }[]>`
      select r.code from regions r where ${scopeFilter(sql, scope, { regionPath: 'r.path', departmentId: null })}`;
    expect(rows.map((row) => row.code)).toEqual([regions.county.code]);
  });

  it('refuses a column name that is not a plain [alias.]column', () => {
    const scope = scopeAt(regions.city);
    expect(() => scopeFilter(sql, scope, { regionPath: 'r.path; drop table users', departmentId: null })).toThrow();
    expect(() => scopeFilter(sql, scope, { regionPath: 'r.path', departmentId: 'd.id or true' })).toThrow();
  });
});
