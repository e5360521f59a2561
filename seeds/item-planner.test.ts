import { beforeAll, describe, expect, it } from 'vitest';
import { makeCalendar, type Calendar } from '../lib/calendar/calendar';
import { readChineseDaysYears } from '../lib/calendar/chinese-days-source';
import { startOfShanghaiDay } from '../lib/calendar/ymd';
import { levelAt, nextThresholdAfter } from '../lib/deadlines/levels';
import { missingChannels } from '../lib/rules/evaluate-channels';
import { evaluateCompleteness } from '../lib/rules/evaluate-completeness';
import { parseRuleParams } from '../lib/rules/rule';
import { ingestPayloadSchema, itemContentHash } from '../lib/items/ingest-schema';
import { regionSeeds } from './geography';
import {
  formatIndexNo,
  isWellFormedIndexNo,
  ItemPlanner,
  OUTCOME_WEIGHTS,
  outcomeMix,
  type DepartmentPlan,
} from './item-planner';
import { deadlineParamsFor } from '../lib/obligations/obligation-plan';
import { defaultRules } from './rules';
import { buildPilotUnitSeeds, type UnitSeed } from './unit-seed';

const TODAY = '2026-11-27';
const AS_OF = new Date('2026-11-27T10:30:00+08:00');
const CUTOFF = startOfShanghaiDay(TODAY).getTime();

function chineseDaysCalendar(): Calendar {
  const years = readChineseDaysYears(2000, 2100);
  return makeCalendar({
    holidays: years.flatMap((y) => y.holidays),
    workdays: years.flatMap((y) => y.workdays),
    years: years.map((y) => y.year),
  });
}

const calendar = chineseDaysCalendar();
const units = buildPilotUnitSeeds();
const rules = defaultRules();
const paths = new Map(regionSeeds().map((r) => [r.code, r.path]));

function planner(today = TODAY, asOf = AS_OF): ItemPlanner {
  return new ItemPlanner({
    today,
    calendar,
    asOf,
    deadlineParams: (entry) =>
      deadlineParamsFor(rules, { regionPath: paths.get(entry.regionCode)!, domain: entry.domain, entryId: 0 }),
  });
}

function planUnit(p: ItemPlanner, unit: UnitSeed): DepartmentPlan[] {
  return unit.departments.map((d) => p.planDepartment(unit, d));
}

let plans: DepartmentPlan[];

beforeAll(() => {
  const p = planner();
  plans = units.flatMap((u) => planUnit(p, u));
}, 60_000);

const items = () => plans.flatMap((p) => p.items);
const obligations = () => plans.flatMap((p) => p.obligations);

describe('the year of items', () => {
  it('is deterministic for a given today', () => {
    const unit = units[0]!;
    const again = planUnit(planner(), unit);
    const first = plans.filter((p) => p.departmentCode.startsWith(`${unit.unit.code}-`));
    expect(again.flatMap((p) => p.items.map((i) => i.payloadHash))).toEqual(first.flatMap((p) => p.items.map((i) => i.payloadHash)));
    expect(again).toEqual(first);
  });

  it('changes with today', () => {
    const unit = units[0]!;
    const other = planUnit(planner('2026-11-28', new Date('2026-11-28T10:30:00+08:00')), unit);
    const first = plans.filter((p) => p.departmentCode.startsWith(`${unit.unit.code}-`));
    expect(other.flatMap((p) => p.items.map((i) => i.externalId))).not.toEqual(first.flatMap((p) => p.items.map((i) => i.externalId)));
  });

  it('has a moderate size and a year of history before today', () => {
    expect(items().length).toBeGreaterThan(10_000);
    expect(items().length).toBeLessThan(30_000);
    const formed = items().map((i) => i.formedAt.getTime());
    expect(Math.max(...formed)).toBeLessThan(CUTOFF);
    expect(Math.min(...formed)).toBeGreaterThanOrEqual(CUTOFF - 365 * 86_400_000);
  });

  it('keeps the stated mix of outcomes over the obligations due by today', () => {
    const mix = outcomeMix(obligations(), CUTOFF);
    expect(mix.due).toBeGreaterThan(5000);
    for (const [outcome, target] of OUTCOME_WEIGHTS) {
      expect(Math.abs(mix.shares[outcome] - target), `${outcome}: ${mix.shares[outcome]}`).toBeLessThan(0.02);
    }
  });

  it('leaves a live present: obligations still running, some already yellow', () => {
    const open = obligations().filter((o) => o.state === 'open');
    expect(open.filter((o) => o.dueAt.getTime() > AS_OF.getTime()).length).toBeGreaterThan(100);
    expect(open.filter((o) => o.level === 'yellow').length).toBeGreaterThan(20);
    expect(open.filter((o) => o.level === 'red').length).toBeGreaterThan(100);
  });
});

describe('索引号', () => {
  it('formats as <org code>/<YYYY>-<5-digit serial>', () => {
    expect(formatIndexNo('320105005', 2026, 222)).toBe('320105005/2026-00222');
    expect(isWellFormedIndexNo('000014349/2018-00222')).toBe(true);
    expect(isWellFormedIndexNo('320105005/2026-0222')).toBe(false);
    expect(isWellFormedIndexNo('320105005-2026-00222')).toBe(false);
    expect(isWellFormedIndexNo('320105005/2026-00222', '320105006')).toBe(false);
  });

  it('is well formed, of the publishing department and the formation year, and unique for complete items', () => {
    const byDepartment = new Map(units.flatMap((u) => u.departments).map((d) => [d.code, d]));
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const item of items()) {
      const orgCode = byDepartment.get(item.departmentCode)!.orgCode;
      const isWellFormed = isWellFormedIndexNo(item.indexNo!, orgCode);
      if (item.defect?.kind === 'malformed_index') {
        if (isWellFormed) wrong.push(`${item.externalId}: ${item.indexNo} should be malformed`);
        continue;
      }
      const formedYear = new Date(item.formedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);
      if (!isWellFormed || item.indexNo!.slice(10, 14) !== formedYear || seen.has(item.indexNo!)) {
        wrong.push(`${item.externalId}: ${item.indexNo}`);
      }
      seen.add(item.indexNo!);
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBeGreaterThan(10_000);
  });
});

describe('completeness', () => {
  it('makes exactly the incomplete items fail the completeness and channel checks', () => {
    const params = parseRuleParams('completeness', {});
    const departments = new Map(units.flatMap((u) => u.departments).map((d) => [d.code, d]));
    const entries = new Map(units.flatMap((u) => u.entries).map((e) => [`${e.regionCode}/${e.code}`, e]));
    let incomplete = 0;
    const wrong: string[] = [];
    for (const item of items()) {
      if (item.publishedAt === null) continue;
      const entry = entries.get(`${item.regionCode}/${item.entryCode}`)!;
      const findings = evaluateCompleteness({ item, entry, department: departments.get(item.departmentCode)!, params });
      const isFailing = findings.length > 0 || missingChannels(item.channels, entry.channels).length > 0;
      if (isFailing !== (item.state === 'incomplete')) wrong.push(`${item.externalId} ${JSON.stringify(item.defect)}`);
      if (isFailing) incomplete++;
    }
    expect(wrong).toEqual([]);
    expect(incomplete).toBeGreaterThan(500);
  });
});

describe('payload hash', () => {
  it('equals the hash the ingest API computes for the same payload, so a CMS resend changes nothing', () => {
    const sample = items().filter((_, i) => i % 25 === 0);
    const wrong: string[] = [];
    for (const item of sample) {
      const request = JSON.parse(
        JSON.stringify({
          externalId: item.externalId,
          catalogCode: item.entryCode,
          title: item.title,
          formedAt: item.formedAt,
          publishedAt: item.publishedAt,
          eventAt: item.eventAt,
          channels: item.channels,
          url: item.url,
          indexNo: item.indexNo,
          docNo: item.docNo,
          publisher: item.publisher,
          summary: item.summary,
          body: item.body,
          fields: item.fields,
          attachments: item.attachments,
        }),
      );
      if (itemContentHash(ingestPayloadSchema.parse(request)) !== item.payloadHash) wrong.push(item.externalId);
    }
    expect(sample.length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});

describe('obligations', () => {
  it('have warn ≤ due ≤ severe, and state, level and next check consistent with the clock', () => {
    const wrong: string[] = [];
    for (const o of obligations()) {
      const thresholds = { warnAt: o.warnAt, dueAt: o.dueAt, severeAt: o.severeAt, fulfilledAt: o.fulfilledAt };
      const problems = [
        o.warnAt > o.dueAt && 'warn after due',
        o.dueAt > o.severeAt && 'due after severe',
        o.level !== levelAt(thresholds, AS_OF) && `level ${o.level}`,
        o.nextCheckAt?.getTime() !== nextThresholdAfter(thresholds, AS_OF)?.getTime() && 'next check',
        (o.itemExternalId === null) === (o.periodKey === null) && 'item xor period',
        o.state === 'fulfilled' && o.isLate !== o.fulfilledAt!.getTime() >= o.dueAt.getTime() && 'is_late',
        o.state === 'open' && (o.fulfilledAt !== null || o.isLate !== null) && 'open but fulfilled',
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${o.departmentCode} ${o.entryCode} ${o.itemExternalId ?? o.periodKey}: ${problems.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('are fulfilled by their item, and one per period for periodic entries', () => {
    for (const plan of plans) {
      const byId = new Map(plan.items.map((i) => [i.externalId, i]));
      const periods = new Set<string>();
      for (const o of plan.obligations) {
        if (o.itemExternalId !== null) {
          const item = byId.get(o.itemExternalId)!;
          expect(o.fulfilledAt).toEqual(item.publishedAt);
        } else {
          const key = `${o.entryCode}/${o.periodKey}`;
          expect(periods.has(key)).toBe(false);
          periods.add(key);
        }
      }
    }
    const keys = obligations().map((o) => o.periodKey).filter((k) => k !== null);
    expect(keys).toEqual(expect.arrayContaining(['2026-10', '2026-Q3', '2026-H1', '2025']));
  });
});

describe('process history', () => {
  it('runs formed → submitted → reviewed → approved → published in working hours, before today', () => {
    const wrong: string[] = [];
    const published = ['formed', 'submitted', 'reviewed', 'approved', 'published'].join();
    for (const item of items()) {
      const kinds = item.events.map((e) => e.kind).join();
      const times = item.events.map((e) => e.at.getTime());
      const problems = [
        item.events[0]?.at.getTime() !== item.formedAt.getTime() && 'formed event',
        item.publishedAt !== null && kinds !== published && `kinds ${kinds}`,
        item.publishedAt !== null && times[4] !== item.publishedAt.getTime() && 'published event',
        item.publishedAt !== null && item.publishedAt < item.formedAt && 'published before formed',
        item.publishedAt !== null && item.receivedAt < item.publishedAt && 'received before published',
        item.publishedAt === null && !published.startsWith(kinds) && `kinds ${kinds}`,
        times.some((t, i) => i > 0 && t < times[i - 1]!) && 'out of order',
        times.some((t) => t >= CUTOFF) && 'on or after today',
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${item.externalId}: ${problems.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    const hours = items().map((i) => (i.formedAt.getUTCHours() + 8) % 24);
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...hours)).toBeLessThanOrEqual(17);
  });

  it('has unique external ids per department', () => {
    for (const plan of plans) expect(new Set(plan.items.map((i) => i.externalId)).size).toBe(plan.items.length);
  });
});
