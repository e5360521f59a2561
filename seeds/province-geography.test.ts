import { describe, expect, it } from 'vitest';
import { PILOT_DOMAINS } from './departments';
import { CITIES, PILOT_UNITS, PROVINCE } from './geography';
import { countyBase, provinceRegionSeeds, provinceUnits, unitWeight } from './province-geography';
import { provinceScale } from './seed-province';
import { buildUnitSeed } from './unit-seed';
import { UNIT_PROFILES } from './unit-profiles';

const units = provinceUnits();

describe('province geography', () => {
  it('has every county-level division of Jiangsu: 55 districts, 21 cities, 19 counties, plus the park', () => {
    expect(units).toHaveLength(96);
    const byKind = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect([byKind('district'), byKind('county_city'), byKind('county'), byKind('park')]).toEqual([55, 21, 19, 1]);
    const perCity = Object.fromEntries(CITIES.map((c) => [c.shortName, units.filter((u) => u.cityCode === c.code).length]));
    expect(perCity).toEqual({
      南京: 11, 无锡: 7, 徐州: 10, 常州: 6, 苏州: 10, 南通: 7, 连云港: 6, 淮安: 7, 盐城: 9, 扬州: 6, 镇江: 6, 泰州: 6, 宿迁: 5,
    });
  });

  it('gives every county a unique 6-digit code under its own city', () => {
    const codes = units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const unit of units) {
      expect(unit.code, unit.name).toMatch(/^32\d{4}$/);
      expect(unit.code.slice(0, 4), unit.name).toBe(unit.cityCode.slice(0, 4));
      expect(unit.code, unit.name).not.toBe(unit.cityCode);
      expect(CITIES.some((c) => c.code === unit.cityCode)).toBe(true);
    }
    expect(units.find((u) => u.code === '320102')?.name).toBe('南京市玄武区');
    expect(units.find((u) => u.code === '320281')?.name).toBe('江阴市');
    expect(units.find((u) => u.code === '320321')?.name).toBe('丰县');
  });

  it('keeps the 7 pilot units exactly as the demo has them', () => {
    const pilots = units.filter((u) => u.isPilot);
    expect(pilots.map((u) => [u.code, u.name, u.shortName, u.cityCode, u.kind])).toEqual(
      PILOT_UNITS.map((u) => [u.code, u.name, u.shortName, u.cityCode, u.kind]),
    );
    for (const pilot of pilots) expect(pilot.profile).toBe(UNIT_PROFILES[pilot.code]);
  });

  it('names districts with their city and keeps full names unique (鼓楼区 is in 南京 and 徐州)', () => {
    const names = units.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('南京市鼓楼区');
    expect(names).toContain('徐州市鼓楼区');
    for (const unit of units.filter((u) => u.kind === 'district')) {
      const city = CITIES.find((c) => c.code === unit.cityCode)!;
      expect(unit.name).toBe(`${city.name}${unit.shortName}`);
    }
  });

  it('builds the region tree: province, 13 cities, 96 counties, paths from the province down', () => {
    const regions = provinceRegionSeeds();
    expect(regions).toHaveLength(1 + 13 + 96);
    expect(regions[0]).toMatchObject({ code: PROVINCE.code, level: 'province', parentCode: null, path: '320000' });
    const byCode = new Map(regions.map((r) => [r.code, r]));
    expect(byCode.size).toBe(regions.length);
    for (const region of regions.slice(1)) {
      const parent = byCode.get(region.parentCode!)!;
      expect(regions.indexOf(parent), 'parents come first').toBeLessThan(regions.indexOf(region));
      expect(region.path).toBe(`${parent.path}.${region.code}`);
    }
    expect(regions.filter((r) => r.isPilot).map((r) => r.code)).toEqual(PILOT_UNITS.map((u) => u.code));
  });

  it('gives generated counties a plausible profile, the same every time', () => {
    expect(countyBase('玄武区')).toBe('玄武');
    expect(countyBase('丰县')).toBe('丰县');
    expect(countyBase('张家港市')).toBe('张家港');
    for (const unit of units.filter((u) => !u.isPilot)) {
      const { profile } = unit;
      expect(profile.generated).toBe(true);
      expect(profile.host).toMatch(/^www\.[a-z]+\.gov\.cn$/);
      expect(profile.townships.length).toBeGreaterThanOrEqual(2);
      expect(new Set(profile.townships.map((t) => t.name)).size).toBe(profile.townships.length);
      for (const t of profile.townships) expect(t.name).toMatch(t.kind === 'street' ? /街道$/ : /镇$/);
      expect(profile.localities).toHaveLength(7);
      expect(profile.roads).toHaveLength(7);
    }
    expect(provinceUnits()).toBe(units);
    expect(unitWeight(units[10]!)).toBe(unitWeight(units[10]!));
  });
});

describe('province structure', () => {
  const seeds = units.map(buildUnitSeed);

  it('gives every county 25–40 departments covering the 9 pilot domains, with unique codes province-wide', () => {
    for (const { unit, departments } of seeds) {
      expect(departments.length, unit.name).toBeGreaterThanOrEqual(25);
      expect(departments.length, unit.name).toBeLessThanOrEqual(40);
      const covered = new Set(departments.flatMap((d) => d.domains));
      for (const domain of PILOT_DOMAINS) expect(covered.has(domain), `${unit.name} ${domain}`).toBe(true);
    }
    const all = seeds.flatMap((s) => s.departments);
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.orgCode)).size).toBe(all.length);
  });

  it('gives every county the demo catalog, codes unique within the county', () => {
    const sizes = new Set(seeds.map((s) => s.entries.length));
    expect(sizes.size).toBe(1);
    for (const { unit, entries, departments } of seeds) {
      expect(new Set(entries.map((e) => e.code)).size, unit.name).toBe(entries.length);
      const codes = new Set(departments.map((d) => d.code));
      for (const entry of entries) expect(codes.has(entry.departmentCode), `${unit.name} ${entry.code}`).toBe(true);
    }
  });

  it('sizes the counties to about the requested number of items', () => {
    for (const target of [20_000, 200_000, 1_000_000]) {
      const scale = provinceScale(seeds, target);
      expect(Math.abs(scale.itemsExpected - target) / target, String(target)).toBeLessThan(0.01);
    }
    expect(provinceScale(seeds, 1_000_000).factor).toBeGreaterThan(provinceScale(seeds, 200_000).factor);
  });
});
