import { describe, expect, it } from 'vitest';
import type { Rule } from './rule';
import { selectRule, type RuleSubject } from './select-rule';

type Scope = Partial<Pick<Rule, 'scopeRegionCode' | 'scopeDomain' | 'scopeEntryId' | 'enabled'>>;

const rule = (id: number, scope: Scope = {}, kind: Rule['kind'] = 'completeness'): Rule =>
  ({
    id,
    kind,
    name: `rule ${id}`,
    scopeRegionCode: null,
    scopeDomain: null,
    scopeEntryId: null,
    params: {},
    level: 'orange',
    enabled: true,
    version: 1,
    ...scope,
  }) as Rule;

// 建邺区 of 南京市
const jianye: RuleSubject = { regionPath: '320000.320100.320105', domain: 'budgets', entryId: 42 };
const pick = (rules: Rule[], subject: RuleSubject = jianye) => selectRule(rules, 'completeness', subject)?.id ?? null;

describe('selectRule', () => {
  it('finds nothing without a rule of the kind', () => {
    expect(pick([])).toBeNull();
    expect(pick([rule(1, {}, 'deadline'), rule(2, { scopeRegionCode: '320000' }, 'channel')])).toBeNull();
  });

  it('applies a rule without scope, and a province rule, to every subject below', () => {
    expect(pick([rule(1)])).toBe(1);
    expect(pick([rule(2, { scopeRegionCode: '320000' })])).toBe(2);
  });

  it('prefers the nearest region: county over city over province over no region', () => {
    const global = rule(1);
    const province = rule(2, { scopeRegionCode: '320000' });
    const city = rule(3, { scopeRegionCode: '320100' });
    const county = rule(4, { scopeRegionCode: '320105' });
    expect(pick([global, province])).toBe(2);
    expect(pick([county, city, province, global])).toBe(4);
    expect(pick([global, province, city])).toBe(3);
  });

  it('ignores regions off the subject’s path and codes that only share a prefix', () => {
    const otherCounty = rule(1, { scopeRegionCode: '320106' });
    const otherCity = rule(2, { scopeRegionCode: '320200' });
    const province = rule(3, { scopeRegionCode: '320000' });
    expect(pick([otherCounty, otherCity, province])).toBe(3);
    expect(pick([otherCounty])).toBeNull();
    expect(pick([rule(4, { scopeRegionCode: '3201' })])).toBeNull();
  });

  it('prefers a domain rule over any region rule', () => {
    const county = rule(1, { scopeRegionCode: '320105' });
    const provinceBudgets = rule(2, { scopeRegionCode: '320000', scopeDomain: 'budgets' });
    const anywhereBudgets = rule(3, { scopeDomain: 'budgets' });
    expect(pick([county, provinceBudgets])).toBe(2);
    expect(pick([county, anywhereBudgets])).toBe(3);
    // among domain rules, the nearer region wins
    expect(pick([anywhereBudgets, provinceBudgets])).toBe(2);
    expect(pick([provinceBudgets, rule(4, { scopeRegionCode: '320105', scopeDomain: 'budgets' })])).toBe(4);
  });

  it('skips a domain rule of another domain', () => {
    expect(pick([rule(1, { scopeDomain: 'environment' }), rule(2, { scopeRegionCode: '320000' })])).toBe(2);
  });

  it('prefers an entry rule over domain and region rules', () => {
    const countyBudgets = rule(1, { scopeRegionCode: '320105', scopeDomain: 'budgets' });
    const entry = rule(2, { scopeEntryId: 42 });
    expect(pick([countyBudgets, entry])).toBe(2);
    // among entry rules, one that also names the domain, then the nearer region
    const entryWithDomain = rule(3, { scopeEntryId: 42, scopeDomain: 'budgets' });
    expect(pick([entry, entryWithDomain])).toBe(3);
    expect(pick([entry, rule(4, { scopeEntryId: 42, scopeRegionCode: '320100' })])).toBe(4);
  });

  it('skips an entry rule of another entry', () => {
    expect(pick([rule(1, { scopeEntryId: 7 }), rule(2)])).toBe(2);
  });

  it('needs every scope field it sets to match', () => {
    const entryElsewhere = rule(1, { scopeEntryId: 42, scopeRegionCode: '320106' });
    const entryOtherDomain = rule(2, { scopeEntryId: 42, scopeDomain: 'taxation' });
    expect(pick([entryElsewhere, entryOtherDomain, rule(3)])).toBe(3);
  });

  it('breaks a tie by the lower id, whatever the order given', () => {
    const a = rule(5, { scopeRegionCode: '320100' });
    const b = rule(9, { scopeRegionCode: '320100' });
    expect(pick([a, b])).toBe(5);
    expect(pick([b, a])).toBe(5);
  });

  it('turns the check off when the most specific match is disabled', () => {
    const province = rule(1, { scopeRegionCode: '320000' });
    const budgetsOff = rule(2, { scopeDomain: 'budgets', enabled: false });
    expect(pick([province, budgetsOff])).toBeNull();
    // other domains keep the province rule
    expect(pick([province, budgetsOff], { ...jianye, domain: 'environment' })).toBe(1);
  });

  it('lets a narrower enabled rule override a broader disabled one', () => {
    const provinceOff = rule(1, { scopeRegionCode: '320000', enabled: false });
    const county = rule(2, { scopeRegionCode: '320105' });
    expect(pick([provinceOff, county])).toBe(2);
    expect(pick([provinceOff, county], { ...jianye, regionPath: '320000.320200.320205' })).toBeNull();
  });

  it('returns the rule typed by its kind', () => {
    const deadline = rule(1, {}, 'deadline');
    const selected = selectRule([deadline], 'deadline', jianye);
    expect(selected?.kind).toBe('deadline');
  });
});
