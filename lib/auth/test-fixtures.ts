// Fixtures for the auth integration tests: a private region tree and department, so tests never depend on
// (or collide with) demo data or other test files sharing the run's database.
import { randomBytes } from 'node:crypto';
import { now } from '../clock';
import type { Db } from '../db/sql';

export interface TestRegionTree {
  province: { code: string; path: string };
  city: { code: string; path: string };
  county: { code: string; path: string };
  otherCounty: { code: string; path: string };
}

// Codes in 900000–999999 (no real province starts with 9, so seeded data never clashes), picked among those no
// other test has taken yet: test files share the run's database and drawing blindly collided now and then.
async function freeTestRegionCodes(db: Db, count: number): Promise<string[]> {
  const rows = await db<{ code: string }[]>`
    select distinct c.code from (select (900000 + floor(random() * 100000))::int::text as code from generate_series(1, 64)) c
    where not exists (select 1 from regions r where r.code = c.code)
    limit ${count}`;
  return rows.map((row) => row.code);
}

export async function createRegionTree(db: Db): Promise<TestRegionTree> {
  const [provinceCode, cityCode, countyCode, otherCountyCode] = (await freeTestRegionCodes(db, 4)) as [string, string, string, string];
  const province = { code: provinceCode, path: provinceCode };
  const city = { code: cityCode, path: `${province.path}.${cityCode}` };
  const county = { code: countyCode, path: `${city.path}.${countyCode}` };
  const otherCounty = { code: otherCountyCode, path: `${city.path}.${otherCountyCode}` };
  await db`
    insert into regions (code, name, short_name, level, parent_code, path) values
      (${province.code}, '测试省', '测试省', 'province', null, ${province.path}),
      (${city.code}, '测试市', '测试市', 'city', ${province.code}, ${city.path}),
      (${county.code}, '测试县', '测试县', 'county', ${city.code}, ${county.path}),
      (${otherCounty.code}, '测试区', '测试区', 'county', ${city.code}, ${otherCounty.path})`;
  return { province, city, county, otherCounty };
}

export async function createDepartment(db: Db, regionCode: string, name = '测试局'): Promise<number> {
  const code = `T${randomBytes(4).toString('hex')}`;
  const orgCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
  const [row] = await db<{ id: number }[]>`
    insert into departments (region_code, code, org_code, name, short_name, created_at)
    values (${regionCode}, ${code}, ${orgCode}, ${name}, ${name}, ${now()})
    returning id`;
  return row!.id;
}

/** A username no other test uses: 'prefix-<8 hex>'. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
