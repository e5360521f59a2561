import { describe, expect, it } from 'vitest';
import { timeLimitSchema } from '../lib/catalog/time-limit';
import { CHANNELS } from '../lib/rules/evaluate-channels';
import { buildUpperDepartments, PILOT_DOMAINS } from './departments';
import { CITIES, PILOT_UNITS, regionSeeds } from './geography';
import { buildPilotUnitSeeds } from './unit-seed';

const units = buildPilotUnitSeeds();

describe('geography', () => {
  it('has the province, its 13 cities and the 7 pilot units under their cities', () => {
    const regions = regionSeeds();
    expect(regions).toHaveLength(1 + 13 + 7);
    expect(CITIES.map((c) => c.code)).toEqual([
      '320100', '320200', '320300', '320400', '320500', '320600', '320700', '320800', '320900', '321000', '321100',
      '321200', '321300',
    ]);
    expect(regions.filter((r) => r.isPilot).map((r) => [r.code, r.name, r.path])).toEqual([
      ['320105', '南京市建邺区', '320000.320100.320105'],
      ['320211', '无锡市滨湖区', '320000.320200.320211'],
      ['320381', '新沂市', '320000.320300.320381'],
      ['320402', '常州市天宁区', '320000.320400.320402'],
      ['320571', '苏州工业园区', '320000.320500.320571'],
      ['320682', '如皋市', '320000.320600.320682'],
      ['321322', '沭阳县', '320000.321300.321322'],
    ]);
    for (const region of regions) {
      if (region.parentCode) expect(region.path).toBe(`${regions.find((r) => r.code === region.parentCode)!.path}.${region.code}`);
    }
  });
});

describe('departments', () => {
  const all = [...buildUpperDepartments(), ...units.flatMap((u) => u.departments)];

  it('gives every pilot unit 20–40 departments covering the 9 pilot domains', () => {
    for (const { unit, departments } of units) {
      expect(departments.length, unit.name).toBeGreaterThanOrEqual(20);
      expect(departments.length, unit.name).toBeLessThanOrEqual(40);
      const covered = new Set(departments.flatMap((d) => d.domains));
      for (const domain of PILOT_DOMAINS) expect(covered.has(domain), `${unit.name} ${domain}`).toBe(true);
    }
  });

  it('has unique 9-character org codes and codes province-wide, and 2–4 positions each', () => {
    expect(new Set(all.map((d) => d.orgCode)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    for (const d of all) {
      expect(d.orgCode).toMatch(/^[0-9A-Z]{9}$/);
      expect(d.positions.length).toBeGreaterThanOrEqual(2);
      expect(d.positions.length).toBeLessThanOrEqual(4);
    }
  });

  it('uses real-style names', () => {
    const jianye = units.find((u) => u.unit.code === '320105')!.departments.map((d) => d.name);
    expect(jianye).toContain('南京市建邺区发展和改革局');
    expect(jianye).toContain('国家税务总局南京市建邺区税务局');
    expect(jianye).toContain('南京市建邺区南苑街道办事处');
    const park = units.find((u) => u.unit.code === '320571')!.departments.map((d) => d.name);
    expect(park).toContain('苏州工业园区经济发展委员会');
    expect(park).toContain('苏州工业园区规划建设委员会');
    const shuyang = units.find((u) => u.unit.code === '321322')!.departments.map((d) => d.name);
    expect(shuyang.some((n) => /^沭阳县.+(镇|乡)人民政府$/.test(n))).toBe(true);
  });
});

describe('catalog', () => {
  it('has at least 5 entries per pilot domain in every pilot unit, codes unique within the unit', () => {
    expect(units.map((u) => u.unit.code)).toEqual(PILOT_UNITS.map((u) => u.code));
    for (const { unit, entries } of units) {
      expect(new Set(entries.map((e) => e.code)).size, unit.name).toBe(entries.length);
      expect(new Set(entries.map((e) => e.name)).size, unit.name).toBe(entries.length);
      for (const domain of PILOT_DOMAINS) {
        expect(entries.filter((e) => e.domain === domain).length, `${unit.name} ${domain}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('stores valid structured time limits beside the catalog wording', () => {
    for (const entry of units[0]!.entries) {
      expect(timeLimitSchema.parse(entry.timeLimit)).toEqual(entry.timeLimit);
      for (const channel of entry.channels) expect(CHANNELS).toContain(channel);
    }
    const byName = new Map(units[0]!.entries.map((e) => [e.name, e.timeLimit]));
    expect(byName.get('政府信息公开工作年度报告')).toMatchObject({ kind: 'fixed_date', month: 1, day: 31, text: '每年1月31日前' });
    expect(byName.get('本级政府预算')).toMatchObject({ kind: 'calendar_days_after', n: 20 });
    expect(byName.get('环境影响评价文件审批决定')).toMatchObject({ kind: 'working_days_after', n: 7 });
    expect(byName.get('安全生产法律法规及规章目录')).toMatchObject({ kind: 'periodic', period: 'half_year', n: 0 });
    expect(byName.get('食品安全监督抽检信息')).toMatchObject({ kind: 'periodic', period: 'quarter' });
    expect(byName.get('安全生产重要会议通知')).toMatchObject({ kind: 'before_event', n: 7 });
    expect(byName.get('项目审批办事指南')).toMatchObject({ kind: 'same_day' });
    expect(byName.get('工程质量安全监督信息')).toMatchObject({ kind: 'unmeasurable' });
  });

  it('is mostly proactive, with a few entries on request and one withheld with its reason', () => {
    const entries = units[0]!.entries;
    expect(entries.filter((e) => e.mode === 'on_request').length).toBeGreaterThanOrEqual(2);
    const withheld = entries.filter((e) => e.mode === 'withheld');
    expect(withheld).toHaveLength(1);
    expect(withheld[0]!.withheldReason).toMatch(/第十四条/);
    expect(entries.filter((e) => e.mode === 'proactive').length).toBeGreaterThan(entries.length * 0.8);
  });

  it('names responsible departments and positions that exist in the unit', () => {
    for (const { unit, departments, entries } of units) {
      for (const entry of entries) {
        const owner = departments.find((d) => d.code === entry.departmentCode);
        expect(owner, `${unit.name} ${entry.code}`).toBeDefined();
        expect(owner!.domains).toContain(entry.domain);
        if (entry.positionCode) expect(owner!.positions.map((p) => p.code)).toContain(entry.positionCode);
      }
    }
  });

  it('requires every budget table as a field and the files as attachments', () => {
    const budget = units[0]!.entries.find((e) => e.name === '本级政府预算')!;
    expect(budget.requiredElements).toEqual(expect.arrayContaining(['attachments', 'fields.三公经费表', 'fields.国有资本经营预算收支表']));
  });
});
