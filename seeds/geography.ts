// The region tree of the demo: 江苏省, its 13 设区市, and the 7 county-level units of the Jiangsu
// grassroots disclosure pilot (基层政务公开标准化规范化试点), with their administrative division codes.
import type { Db } from '../lib/db/sql';

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionSeed {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Dotted chain of codes from the province down, e.g. '320000.320100.320105'. */
  path: string;
  isPilot: boolean;
}

/** district: 市辖区; county_city: 县级市; county: 县; park: 国家级开发区 run like a county. */
export type PilotUnitKind = 'district' | 'county_city' | 'county' | 'park';

export interface PilotUnit {
  code: string;
  name: string;
  shortName: string;
  cityCode: string;
  kind: PilotUnitKind;
}

export const PROVINCE = { code: '320000', name: '江苏省', shortName: '江苏' } as const;

export const CITIES: readonly { code: string; name: string; shortName: string }[] = [
  { code: '320100', name: '南京市', shortName: '南京' },
  { code: '320200', name: '无锡市', shortName: '无锡' },
  { code: '320300', name: '徐州市', shortName: '徐州' },
  { code: '320400', name: '常州市', shortName: '常州' },
  { code: '320500', name: '苏州市', shortName: '苏州' },
  { code: '320600', name: '南通市', shortName: '南通' },
  { code: '320700', name: '连云港市', shortName: '连云港' },
  { code: '320800', name: '淮安市', shortName: '淮安' },
  { code: '320900', name: '盐城市', shortName: '盐城' },
  { code: '321000', name: '扬州市', shortName: '扬州' },
  { code: '321100', name: '镇江市', shortName: '镇江' },
  { code: '321200', name: '泰州市', shortName: '泰州' },
  { code: '321300', name: '宿迁市', shortName: '宿迁' },
];

/** The 7 pilot units (DESIGN §3 "Demo data"); tests and the demo script iterate over these. */
export const PILOT_UNITS: readonly PilotUnit[] = [
  { code: '320105', name: '南京市建邺区', shortName: '建邺区', cityCode: '320100', kind: 'district' },
  { code: '320211', name: '无锡市滨湖区', shortName: '滨湖区', cityCode: '320200', kind: 'district' },
  { code: '320381', name: '新沂市', shortName: '新沂市', cityCode: '320300', kind: 'county_city' },
  { code: '320402', name: '常州市天宁区', shortName: '天宁区', cityCode: '320400', kind: 'district' },
  { code: '320571', name: '苏州工业园区', shortName: '苏州工业园区', cityCode: '320500', kind: 'park' },
  { code: '320682', name: '如皋市', shortName: '如皋市', cityCode: '320600', kind: 'county_city' },
  { code: '321322', name: '沭阳县', shortName: '沭阳县', cityCode: '321300', kind: 'county' },
];

export function cityOf(unit: PilotUnit): { code: string; name: string; shortName: string } {
  const city = CITIES.find((c) => c.code === unit.cityCode);
  if (!city) throw new Error(`pilot unit ${unit.code} names an unknown city ${unit.cityCode}`);
  return city;
}

export function regionSeeds(): RegionSeed[] {
  const province: RegionSeed = {
    code: PROVINCE.code,
    name: PROVINCE.name,
    shortName: PROVINCE.shortName,
    level: 'province',
    parentCode: null,
    path: PROVINCE.code,
    isPilot: false,
  };
  const cities = CITIES.map(
    (city): RegionSeed => ({
      code: city.code,
      name: city.name,
      shortName: city.shortName,
      level: 'city',
      parentCode: PROVINCE.code,
      path: `${PROVINCE.code}.${city.code}`,
      isPilot: false,
    }),
  );
  const units = PILOT_UNITS.map(
    (unit): RegionSeed => ({
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      level: 'county',
      parentCode: unit.cityCode,
      path: `${PROVINCE.code}.${unit.cityCode}.${unit.code}`,
      isPilot: true,
    }),
  );
  return [province, ...cities, ...units];
}

/** Inserts the regions that are missing (parents first); returns how many rows were added. */
export async function seedGeography(sql: Db, seeds: readonly RegionSeed[] = regionSeeds()): Promise<number> {
  const rows = seeds.map((r) => ({
    code: r.code,
    name: r.name,
    short_name: r.shortName,
    level: r.level,
    parent_code: r.parentCode,
    path: r.path,
    is_pilot: r.isPilot,
  }));
  // one statement with parents listed first: the foreign key is checked per row, in order
  const inserted = await sql`
    insert into regions ${sql(rows, 'code', 'name', 'short_name', 'level', 'parent_code', 'path', 'is_pilot')}
    on conflict (code) do nothing
    returning code`;
  return inserted.length;
}
