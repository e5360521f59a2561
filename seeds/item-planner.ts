// A year of published information (公开信息) for every pilot department, with the process history
// behind each item (formed → submitted → reviewed → approved → published) and the obligations
// (公开义务) it fulfils, planned as plain data — deterministic for a given `today`, no I/O;
// item-writer.ts inserts a plan.
//
// Stated mix over obligations due by `today` (OUTCOME_WEIGHTS): ~70% published on time and
// complete, ~15% published late, ~10% published on time but incomplete (a required element
// missing, a malformed 索引号, or a channel left out), ~5% formed but still unpublished (overdue).
// Obligations not yet due are a live present: some already published, the rest still running.
import type { Calendar } from '../lib/calendar/calendar';
import { addDaysToDay, type Ymd } from '../lib/calendar/ymd';
import type { TimeLimit } from '../lib/catalog/time-limit';
import { periodEnd } from '../lib/deadlines/clock';
import { isLate, levelAt, nextThresholdAfter } from '../lib/deadlines/levels';
import { computeObligationTimes, type DeadlineParams, type ObligationTimes } from '../lib/deadlines/obligation-clock';
import { CHANNEL_LABELS, type Channel } from '../lib/rules/evaluate-channels';
import { INDEX_NO_PATTERN } from '../lib/rules/evaluate-completeness';
import type { Level } from '../lib/rules/level';
import type { AttachmentSpec, CatalogEntrySeed, ItemTextContext, PeriodInfo } from './catalog';
import { DAY_MS, DayIndex, HOUR_MS, MINUTE_MS } from './day-index';
import type { DepartmentSeed, StaffMember } from './departments';
import { cityOf, type PilotUnit } from './geography';
import { payloadHash } from '../lib/items/payload-hash';
import { chance, intBetween, pick, rngFor, weighted, type Rng } from './prng';
import type { UnitSeed } from './unit-seed';

export type Outcome = 'on_time' | 'late' | 'incomplete' | 'unpublished';
/** pending: not due yet and not published; untracked: an unmeasurable entry, no obligation. */
export type ItemState = Outcome | 'pending' | 'untracked';

export const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ['on_time', 0.7],
  ['late', 0.15],
  ['incomplete', 0.1],
  ['unpublished', 0.05],
];

/** Of the obligations not yet due: how many are already published, and how many of those incomplete. */
const EARLY_PUBLISHED_SHARE = 0.55;
const EARLY_INCOMPLETE_SHARE = 0.1;
/** Items of unmeasurable entries (no obligation): most are published. */
const UNTRACKED_PUBLISHED_SHARE = 0.95;

/** How many working days late a late item is published. */
const LATENESS_WORKING_DAYS: readonly (readonly [[number, number], number])[] = [
  [[1, 3], 0.55],
  [[4, 10], 0.3],
  [[11, 30], 0.15],
];

// Units differ in size; the park and the central districts publish most. Catalog templates give a
// typical county's yearly counts; the demo doubles them so the wall and the league tables have
// enough cases (about 16k items over the 7 units).
const UNIT_SIZE: Readonly<Record<string, number>> = {
  '320105': 2.2,
  '320211': 2.0,
  '320381': 1.8,
  '320402': 1.9,
  '320571': 2.5,
  '320682': 1.9,
  '321322': 1.8,
};

const WORK_START_MS = 8 * HOUR_MS + 30 * MINUTE_MS;
const WORK_END_MS = 17 * HOUR_MS + 30 * MINUTE_MS;
const WINDOW_DAYS = 365;

export type Defect =
  | { kind: 'missing'; element: string }
  | { kind: 'malformed_index' }
  | { kind: 'missing_channel'; channel: Channel }
  | { kind: 'summary_too_long' };

export interface PlannedEvent {
  kind: 'formed' | 'submitted' | 'reviewed' | 'approved' | 'published';
  at: Date;
  actor: string;
  note: string;
  diff: { channels: Channel[]; url: string | null } | null;
}

export interface Attachment {
  name: string;
  url: string;
}

export interface PlannedItem {
  departmentCode: string;
  regionCode: string;
  entryCode: string;
  positionCode: string | null;
  externalId: string;
  title: string;
  indexNo: string | null;
  docNo: string | null;
  publisher: string | null;
  summary: string | null;
  body: string | null;
  url: string | null;
  channels: Channel[];
  fields: Record<string, string>;
  attachments: Attachment[];
  formedAt: Date;
  publishedAt: Date | null;
  eventAt: Date | null;
  receivedAt: Date;
  updatedAt: Date;
  payloadHash: string;
  state: ItemState;
  defect: Defect | null;
  events: PlannedEvent[];
}

export interface PlannedObligation {
  departmentCode: string;
  regionCode: string;
  entryCode: string;
  positionCode: string | null;
  /** Event-triggered obligations belong to one item; periodic ones to a period instead. */
  itemExternalId: string | null;
  periodKey: string | null;
  anchorAt: Date;
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  isProvisional: boolean;
  state: 'open' | 'fulfilled';
  level: Level;
  fulfilledAt: Date | null;
  isLate: boolean | null;
  nextCheckAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The outcome this obligation was planned with (for the stated mix). */
  outcome: Outcome | 'pending';
  /** External id of the item whose publication fulfilled it (its own item, or the period's); null while open. */
  fulfilledByExternalId: string | null;
}

export interface DepartmentPlan {
  departmentCode: string;
  items: PlannedItem[];
  obligations: PlannedObligation[];
}

export interface PlanContext {
  /** The day the demo is dated from (Asia/Shanghai); nothing happens on or after it. */
  today: Ymd;
  calendar: Calendar;
  /** The clock at seeding time: obligation levels and next_check_at are as of this instant. */
  asOf: Date;
  deadlineParams: (entry: CatalogEntrySeed) => DeadlineParams;
  /**
   * How much a unit publishes, as a multiple of the catalog templates' typical county; the demo's
   * UNIT_SIZE when absent. The province-scale seed sets it to reach its item total.
   */
  unitSize?: (unit: PilotUnit) => number;
  /**
   * 'full' (default): formed → submitted → reviewed → approved → published, as the demo shows it;
   * 'compact': formed and published only, for the province-scale data set.
   */
  history?: 'full' | 'compact';
}

/** An item before department-wide numbering (索引号, 文号) and defects are applied. */
interface DraftItem {
  entry: CatalogEntrySeed;
  externalId: string;
  formedAt: number;
  publishedAt: number | null;
  eventAt: number | null;
  state: ItemState;
  /** Fix-up rng of this item, seeded by its external id. */
  rng: Rng;
  title: string;
  fields: Record<string, string>;
  attachments: AttachmentSpec[];
  obligation: PlannedObligation | null;
}

export class ItemPlanner {
  readonly cutoffMs: number;
  private readonly days: DayIndex;
  private readonly todayIdx: number;
  private readonly windowStartIdx: number;
  private readonly windowWorkingDays: number[];
  private readonly timesCache = new Map<string, ObligationTimes | null>();
  private readonly entryTimesKeys = new WeakMap<CatalogEntrySeed, { params: DeadlineParams; key: string }>();

  constructor(private readonly ctx: PlanContext) {
    // room before the window for periods that started earlier, and after it for deadlines still running
    this.days = new DayIndex(ctx.calendar, addDaysToDay(ctx.today, -WINDOW_DAYS - 400), addDaysToDay(ctx.today, 500));
    this.todayIdx = this.days.indexOf(ctx.today);
    this.windowStartIdx = this.todayIdx - WINDOW_DAYS;
    this.cutoffMs = this.days.start(this.todayIdx);
    this.windowWorkingDays = this.days.workingDaysBetween(this.windowStartIdx, this.todayIdx - 1);
  }

  /** Everything one department publishes over the year, with its obligations. */
  planDepartment(unitSeed: UnitSeed, department: DepartmentSeed): DepartmentPlan {
    const drafts: DraftItem[] = [];
    const obligations: PlannedObligation[] = [];
    for (const entry of unitSeed.entries) {
      if (entry.departmentCode !== department.code || entry.mode === 'withheld') continue;
      const planned = this.planEntry(unitSeed, department, entry);
      drafts.push(...planned.items);
      obligations.push(...planned.obligations);
    }
    const items = this.finishItems(unitSeed, department, drafts);
    return { departmentCode: department.code, items, obligations };
  }

  // ——— per entry ———

  private planEntry(
    unitSeed: UnitSeed,
    department: DepartmentSeed,
    entry: CatalogEntrySeed,
  ): { items: DraftItem[]; obligations: PlannedObligation[] } {
    const rng = rngFor(this.ctx.today, entry.regionCode, entry.code);
    const limit = entry.timeLimit;
    if (limit.kind === 'periodic' || limit.kind === 'fixed_date') {
      return this.planPeriodicEntry(rng, unitSeed, department, entry, limit);
    }
    const items: DraftItem[] = [];
    const obligations: PlannedObligation[] = [];
    const perDay = new Map<number, number>();
    const perYear = new Map<string, number>();
    for (const dayIdx of this.formationDays(rng, unitSeed, entry)) {
      const formedAt = this.days.start(dayIdx) + WORK_START_MS + intBetween(rng, 0, 540) * MINUTE_MS;
      const eventAt = limit.kind === 'before_event' ? this.eventAfter(rng, dayIdx, limit.n) : null;
      const times = this.times(limit, entry, { formedAt, eventAt });
      const k = (perDay.get(dayIdx) ?? 0) + 1;
      perDay.set(dayIdx, k);
      const externalId = `${entry.code}-${this.days.day(dayIdx).replaceAll('-', '')}-${k}`;
      const year = this.days.day(dayIdx).slice(0, 4);
      const n = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, n);

      let state: ItemState;
      let publishedAt: number | null;
      if (!times) {
        state = chance(rng, UNTRACKED_PUBLISHED_SHARE) ? 'untracked' : 'pending';
        publishedAt =
          state === 'untracked'
            ? this.publishWithin(rng, formedAt, Math.min(this.cutoffMs, formedAt + 10 * DAY_MS))
            : null;
        if (state === 'untracked' && publishedAt === null) state = 'pending';
      } else {
        ({ state, publishedAt } = this.decidePublication(rng, formedAt, times));
      }
      const obligation = times
        ? this.obligation(department, entry, {
            itemExternalId: externalId,
            periodKey: null,
            anchorAt: eventAt ?? formedAt,
            createdAt: formedAt + intBetween(rng, 1, 30) * MINUTE_MS,
            times,
            publishedAt,
            outcome: state as Outcome | 'pending',
          })
        : null;
      items.push(this.draft(unitSeed, department, entry, { externalId, formedAt, publishedAt, eventAt, state, n, obligation }));
      if (obligation) obligations.push(obligation);
    }
    return { items, obligations };
  }

  private planPeriodicEntry(
    rng: Rng,
    unitSeed: UnitSeed,
    department: DepartmentSeed,
    entry: CatalogEntrySeed,
    limit: Extract<TimeLimit, { kind: 'periodic' | 'fixed_date' }>,
  ): { items: DraftItem[]; obligations: PlannedObligation[] } {
    const items: DraftItem[] = [];
    const obligations: PlannedObligation[] = [];
    const usedIds = new Set<string>();
    for (const period of this.periods(limit)) {
      const times = this.times(limit, entry, { periodStart: period.start });
      if (!times) continue;
      const dueIdx = this.days.indexOf(times.dueDay);
      // periodic information is formed once its period has closed; "at least once per half year"
      // and fixed-date reports are formed in the weeks before their deadline
      const fromIdx = Math.max(
        this.windowStartIdx,
        limit.kind === 'periodic' && limit.n > 0
          ? this.days.indexOf(period.end) + 1
          : Math.max(this.days.indexOf(period.start), dueIdx - 45),
      );
      const toIdx = Math.min(dueIdx, this.todayIdx - 1);
      const candidates = this.days.workingDaysBetween(fromIdx, toIdx);
      // formed in the first days of the window, as statistics and reports usually are
      const formedIdx = candidates.length > 0 ? candidates[Math.floor(rng() ** 1.6 * candidates.length)]! : null;
      const formedAt = formedIdx === null ? null : this.days.start(formedIdx) + WORK_START_MS + intBetween(rng, 0, 540) * MINUTE_MS;

      let state: ItemState;
      let publishedAt: number | null = null;
      if (formedAt === null || formedAt >= this.cutoffMs) {
        state = times.dueAt.getTime() <= this.cutoffMs ? 'unpublished' : 'pending';
      } else {
        ({ state, publishedAt } = this.decidePublication(rng, formedAt, times));
      }
      const obligation = this.obligation(department, entry, {
        itemExternalId: null,
        periodKey: period.key,
        anchorAt: this.days.start(this.days.indexOf(period.start)),
        createdAt: this.days.start(this.days.indexOf(period.start)),
        times,
        publishedAt,
        outcome: state as Outcome | 'pending',
      });
      obligations.push(obligation);
      // an unpublished period has no item: the information was never formed in the system
      if (formedAt === null || state === 'unpublished' || state === 'pending') continue;
      const formedDay = this.days.day(this.days.indexOfInstant(formedAt)).replaceAll('-', '');
      let k = 1;
      while (usedIds.has(`${entry.code}-${formedDay}-${k}`)) k++;
      const externalId = `${entry.code}-${formedDay}-${k}`;
      usedIds.add(externalId);
      obligation.fulfilledByExternalId = externalId;
      items.push(
        this.draft(unitSeed, department, entry, {
          externalId,
          formedAt,
          publishedAt,
          eventAt: null,
          state,
          n: 1,
          period: period.info,
          obligation: null,
        }),
      );
    }
    return { items, obligations };
  }

  /** Periods whose end lies inside the window and that have started by today. */
  private periods(
    limit: Extract<TimeLimit, { kind: 'periodic' | 'fixed_date' }>,
  ): { key: string; start: Ymd; end: Ymd; info: PeriodInfo }[] {
    const windowStart = this.days.day(this.windowStartIdx);
    const today = this.ctx.today;
    const out: { key: string; start: Ymd; end: Ymd; info: PeriodInfo }[] = [];
    const firstYear = Number(windowStart.slice(0, 4)) - 1;
    const lastYear = Number(today.slice(0, 4));
    if (limit.kind === 'fixed_date') {
      // the obligation opens on 1 January and covers the year before (the 2025 report is due 2026-01-31)
      for (let year = firstYear; year <= lastYear; year++) {
        const start = `${year}-01-01`;
        const due = `${year}-${String(limit.month).padStart(2, '0')}-${String(Math.min(limit.day, 28)).padStart(2, '0')}`;
        if (start > today || due < windowStart) continue;
        const covered = year - 1;
        out.push({ key: String(covered), start, end: `${year}-12-31`, info: { key: String(covered), label: `${covered}年度`, year: covered } });
      }
      return out;
    }
    const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[limit.period];
    for (let year = firstYear; year <= lastYear; year++) {
      for (let month = 1; month <= 12; month += months) {
        const start = `${year}-${String(month).padStart(2, '0')}-01`;
        const end = periodEnd(start, limit.period);
        if (start > today || end < windowStart) continue;
        out.push({ start, end, ...periodLabel(limit.period, year, month) });
      }
    }
    return out;
  }

  // ——— dates ———

  private formationDays(rng: Rng, unitSeed: UnitSeed, entry: CatalogEntrySeed): number[] {
    const template = entry.template;
    if (template.months) {
      const out: number[] = [];
      for (const month of template.months) {
        for (const year of [Number(this.ctx.today.slice(0, 4)) - 1, Number(this.ctx.today.slice(0, 4))]) {
          const prefix = `${year}-${String(month).padStart(2, '0')}-`;
          const inMonth = this.windowWorkingDays.filter((i) => this.days.day(i).startsWith(prefix));
          // budgets are approved in the second half of the month (人代会, 常委会)
          if (inMonth.length > 0) out.push(inMonth[Math.floor(inMonth.length * (0.4 + 0.6 * rng()))]!);
        }
      }
      return out.sort((a, b) => a - b);
    }
    const size = this.ctx.unitSize ? this.ctx.unitSize(unitSeed.unit) : (UNIT_SIZE[unitSeed.unit.code] ?? 2);
    const expected = (template.perYear ?? 0) * size;
    const count = expected <= 0 ? 0 : Math.max(1, Math.round(expected * (0.85 + 0.3 * rng())));
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(pick(rng, this.windowWorkingDays));
    return out.sort((a, b) => a - b);
  }

  /** A meeting or approval n + a few days after formation, on a working morning. */
  private eventAfter(rng: Rng, formedIdx: number, n: number): number {
    let idx = formedIdx + n + intBetween(rng, 2, 12);
    while (!this.days.isWorking(idx)) idx++;
    return this.days.start(idx) + 9 * HOUR_MS + 30 * MINUTE_MS;
  }

  private times(
    limit: TimeLimit,
    entry: CatalogEntrySeed,
    anchor: { formedAt?: number; eventAt?: number | null; periodStart?: Ymd },
  ): ObligationTimes | null {
    // the rule and the key part of an entry are looked up once per entry, not once per item
    let perEntry = this.entryTimesKeys.get(entry);
    if (perEntry === undefined) {
      const params = this.ctx.deadlineParams(entry);
      perEntry = {
        params,
        key: JSON.stringify([limit.kind, 'n' in limit ? limit.n : 0, 'period' in limit ? limit.period : '',
          'month' in limit ? `${limit.month}-${limit.day}` : '', params]),
      };
      this.entryTimesKeys.set(entry, perEntry);
    }
    const { params } = perEntry;
    // Deadlines depend on days only, except that a warning cannot start before the information
    // exists: compute once per formation day (anchored at its midnight) and clamp warnAt here.
    const formedIdx = anchor.formedAt === undefined ? null : this.days.indexOfInstant(anchor.formedAt);
    const eventIdx = anchor.eventAt == null ? null : this.days.indexOfInstant(anchor.eventAt);
    const key = `${perEntry.key}|${formedIdx}|${eventIdx}|${anchor.periodStart ?? ''}`;
    let cached = this.timesCache.get(key);
    if (cached === undefined) {
      cached = computeObligationTimes(
        this.ctx.calendar,
        limit,
        {
          ...(formedIdx !== null ? { formedAt: new Date(this.days.start(formedIdx)) } : {}),
          ...(eventIdx !== null ? { eventAt: new Date(this.days.start(eventIdx)) } : {}),
          ...(anchor.periodStart !== undefined ? { periodStart: anchor.periodStart } : {}),
        },
        params,
      );
      this.timesCache.set(key, cached);
    }
    if (!cached || anchor.formedAt === undefined || cached.warnAt.getTime() >= anchor.formedAt) return cached;
    return { ...cached, warnAt: new Date(Math.min(anchor.formedAt, cached.dueAt.getTime())) };
  }

  private decidePublication(
    rng: Rng,
    formedAt: number,
    times: ObligationTimes,
  ): { state: ItemState; publishedAt: number | null } {
    const dueAt = times.dueAt.getTime();
    if (dueAt > this.cutoffMs) {
      // not due yet: some already out, the rest still running
      if (!chance(rng, EARLY_PUBLISHED_SHARE)) return { state: 'pending', publishedAt: null };
      const state: ItemState = chance(rng, EARLY_INCOMPLETE_SHARE) ? 'incomplete' : 'on_time';
      const publishedAt = this.publishWithin(rng, formedAt, this.cutoffMs);
      return publishedAt === null ? { state: 'pending', publishedAt: null } : { state, publishedAt };
    }
    const outcome = weighted(rng, OUTCOME_WEIGHTS);
    if (outcome === 'unpublished') return { state: 'unpublished', publishedAt: null };
    if (outcome === 'late') {
      const publishedAt = this.publishLate(rng, times);
      return publishedAt === null ? { state: 'unpublished', publishedAt: null } : { state: 'late', publishedAt };
    }
    const publishedAt = this.publishWithin(rng, formedAt, dueAt);
    return publishedAt === null ? { state: 'unpublished', publishedAt: null } : { state: outcome, publishedAt };
  }

  /** A working-hours instant after formation and before `hi`; outside hours only when no such time exists. */
  private publishWithin(rng: Rng, formedAt: number, hi: number): number | null {
    const lo = formedAt + 20 * MINUTE_MS;
    const during = this.workingInstant(rng, lo, hi);
    if (during !== null) return during;
    if (hi - formedAt < 2 * MINUTE_MS) return null;
    return formedAt + Math.max(MINUTE_MS, Math.floor((hi - formedAt) / 2 / MINUTE_MS) * MINUTE_MS);
  }

  private publishLate(rng: Rng, times: ObligationTimes): number | null {
    const dueIdx = this.days.indexOf(times.dueDay);
    const [min, max] = weighted(rng, LATENESS_WORKING_DAYS);
    let lateBy = intBetween(rng, min, max);
    // nothing is published on or after `today`
    let idx = this.days.addWorkingDays(dueIdx, lateBy);
    while (lateBy > 1 && (idx === -1 || idx >= this.todayIdx)) idx = this.days.addWorkingDays(dueIdx, --lateBy);
    if (idx === -1 || idx >= this.todayIdx) return null;
    return this.days.start(idx) + WORK_START_MS + intBetween(rng, 0, 540) * MINUTE_MS;
  }

  /** A random instant within working hours of a working day in [lo, hi), to the second. */
  private workingInstant(rng: Rng, lo: number, hi: number): number | null {
    if (hi <= lo) return null;
    const windows: [number, number][] = [];
    const last = this.days.indexOfInstant(hi - 1);
    for (let i = this.days.indexOfInstant(lo); i <= last; i++) {
      if (!this.days.isWorking(i)) continue;
      const start = Math.max(lo, this.days.start(i) + WORK_START_MS);
      const end = Math.min(hi, this.days.start(i) + WORK_END_MS);
      if (end - start >= 1000) windows.push([start, end]);
    }
    if (windows.length === 0) return null;
    const [start, end] = pick(rng, windows);
    return start + Math.floor((rng() * (end - start)) / 1000) * 1000;
  }

  // ——— obligations ———

  private obligation(
    department: DepartmentSeed,
    entry: CatalogEntrySeed,
    o: {
      itemExternalId: string | null;
      periodKey: string | null;
      anchorAt: number;
      createdAt: number;
      times: ObligationTimes;
      publishedAt: number | null;
      outcome: Outcome | 'pending';
    },
  ): PlannedObligation {
    const { warnAt, dueAt, severeAt } = o.times;
    const asOf = this.ctx.asOf.getTime();
    const fulfilledAt = o.publishedAt === null ? null : new Date(o.publishedAt);
    const thresholds = { warnAt, dueAt, severeAt, fulfilledAt };
    const isOpen = fulfilledAt === null;
    const crossed = [warnAt, dueAt, severeAt].map((d) => d.getTime()).filter((t) => t <= asOf);
    // One object literal, not a spread of a common part: V8 builds `{ ...base, more }` some 20 times
    // slower, which the province-scale seed (a million obligations) notices.
    return {
      departmentCode: department.code,
      regionCode: entry.regionCode,
      entryCode: entry.code,
      positionCode: entry.positionCode,
      itemExternalId: o.itemExternalId,
      periodKey: o.periodKey,
      anchorAt: new Date(o.anchorAt),
      warnAt,
      dueAt,
      severeAt,
      isProvisional: o.times.provisional,
      createdAt: new Date(o.createdAt),
      outcome: o.outcome,
      fulfilledByExternalId: isOpen ? null : o.itemExternalId,
      state: isOpen ? 'open' : 'fulfilled',
      level: levelAt(thresholds, fulfilledAt ?? this.ctx.asOf),
      fulfilledAt,
      isLate: isLate(thresholds),
      nextCheckAt: nextThresholdAfter(thresholds, this.ctx.asOf),
      updatedAt: isOpen
        ? new Date(Math.max(o.createdAt, ...crossed))
        : new Date(Math.max(fulfilledAt.getTime(), o.createdAt)),
    };
  }

  // ——— item text ———

  private draft(
    unitSeed: UnitSeed,
    department: DepartmentSeed,
    entry: CatalogEntrySeed,
    d: {
      externalId: string;
      formedAt: number;
      publishedAt: number | null;
      eventAt: number | null;
      state: ItemState;
      n: number;
      period?: PeriodInfo;
      obligation: PlannedObligation | null;
    },
  ): DraftItem {
    const rng = rngFor(this.ctx.today, entry.regionCode, d.externalId);
    const day = this.days.day(this.days.indexOfInstant(d.formedAt));
    const text: ItemTextContext = {
      rng,
      unit: unitSeed.unit,
      profile: unitSeed.profile,
      cityShortName: cityOf(unitSeed.unit).shortName,
      department,
      year: Number(day.slice(0, 4)),
      month: Number(day.slice(5, 7)),
      day: Number(day.slice(8, 10)),
      n: d.n,
      ...(d.period ? { period: d.period } : {}),
    };
    return {
      entry,
      externalId: d.externalId,
      formedAt: d.formedAt,
      publishedAt: d.publishedAt,
      eventAt: d.eventAt,
      state: d.state,
      rng,
      title: entry.template.title(text),
      fields: entry.template.fields?.(text) ?? {},
      attachments: entry.template.attachments?.(text) ?? [],
      obligation: d.obligation,
    };
  }

  /** Numbers 索引号 and 文号 in formation order per year, applies defects, writes history and hashes. */
  private finishItems(unitSeed: UnitSeed, department: DepartmentSeed, drafts: DraftItem[]): PlannedItem[] {
    drafts.sort((a, b) => a.formedAt - b.formedAt || (a.externalId < b.externalId ? -1 : 1));
    const indexSerials = new Map<string, number>();
    const docSerials = new Map<string, number>();
    const host = unitSeed.profile.host;
    return drafts.map((draft) => {
      const { entry, rng } = draft;
      const formedDay = this.days.day(this.days.indexOfInstant(draft.formedAt));
      const year = formedDay.slice(0, 4);
      const serial = (indexSerials.get(year) ?? 0) + 1;
      indexSerials.set(year, serial);
      let indexNo: string | null = formatIndexNo(department.orgCode, Number(year), serial);
      let docNo: string | null = null;
      if (entry.template.docKind) {
        const docKey = `${entry.template.docKind}/${year}`;
        const docSerial = (docSerials.get(docKey) ?? 0) + 1;
        docSerials.set(docKey, docSerial);
        docNo = `${unitSeed.profile.docAbbr}${entry.template.docKind}〔${year}〕${docSerial}号`;
      }
      const isPublished = draft.publishedAt !== null;
      const yyyymm = formedDay.slice(0, 7).replace('-', '');
      let channels: Channel[] = [...entry.channels];
      let publisher: string | null = department.name;
      let summary: string | null = truncate(`${department.shortName}公开“${entry.name}”：${draft.title}`, 100);
      let body: string | null = bodyOf(department, entry, draft.title, formedDay);
      const fields = { ...draft.fields };
      let attachments: Attachment[] = draft.attachments.map((a, i) => ({
        name: a.name,
        url: `https://${host}/uploads/${yyyymm}/${draft.externalId}-${i + 1}${extensionOf(a.name)}`,
      }));

      let defect: Defect | null = null;
      if (draft.state === 'incomplete') {
        defect = chooseDefect(rng, entry, attachments);
        switch (defect.kind) {
          case 'malformed_index':
            indexNo = malformIndexNo(rng, department.orgCode, Number(year), serial);
            break;
          case 'missing_channel':
            channels = channels.filter((c) => c !== (defect as { channel: Channel }).channel);
            break;
          case 'summary_too_long':
            summary = `${draft.title}。${entry.content}。${entry.basis}`.padEnd(101, '。');
            break;
          case 'missing': {
            const element = defect.element;
            if (element === 'docNo') docNo = null;
            else if (element === 'publisher') publisher = null;
            else if (element === 'summary') summary = null;
            else if (element === 'body') body = null;
            else if (element === 'attachments') {
              // a budget item leaves out one of its tables; others lose the file altogether
              attachments = attachments.length > 1 ? attachments.filter((_, i) => i !== intBetween(rng, 0, attachments.length - 1)) : [];
            } else if (element.startsWith('fields.')) {
              const name = element.slice('fields.'.length);
              // an empty budget table may lose its explanation rather than the whole table
              if (fields[name]?.includes('为空表') && chance(rng, 0.5)) fields[name] = '空表';
              else delete fields[name];
            }
            break;
          }
        }
      }
      const url = isPublished ? `https://${host}/${department.slug}/${yyyymm}/t${formedDay.replaceAll('-', '')}_${String(serial).padStart(5, '0')}.html` : null;
      const formedAt = new Date(draft.formedAt);
      const publishedAt = draft.publishedAt === null ? null : new Date(draft.publishedAt);
      const eventAt = draft.eventAt === null ? null : new Date(draft.eventAt);
      const lastReport = draft.publishedAt ?? draft.formedAt;
      // the CMS reports a publication within seconds to minutes
      const receivedAt = new Date(lastReport + intBetween(rng, 5, 240) * 1000);
      const events = historyOf(rng, this, department, entry, draft, channels, url, this.ctx.history ?? 'full');
      const payload = {
        externalId: draft.externalId,
        catalogCode: entry.code,
        title: draft.title,
        formedAt,
        publishedAt,
        eventAt,
        channels,
        url,
        indexNo,
        docNo,
        publisher,
        summary,
        body,
        fields,
        attachments,
      };
      return {
        departmentCode: department.code,
        regionCode: entry.regionCode,
        entryCode: entry.code,
        positionCode: entry.positionCode,
        externalId: draft.externalId,
        title: draft.title,
        indexNo,
        docNo,
        publisher,
        summary,
        body,
        url,
        channels,
        fields,
        attachments,
        formedAt,
        publishedAt,
        eventAt,
        receivedAt,
        updatedAt: receivedAt,
        payloadHash: payloadHash(payload),
        state: draft.state,
        defect,
        events,
      };
    });
  }

  /** For history: working-hours instants between two moments, sorted (at most `count`). */
  instantsBetween(rng: Rng, lo: number, hi: number, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = this.workingInstant(rng, lo + MINUTE_MS, hi - MINUTE_MS);
      out.push(at ?? lo + Math.floor(((hi - lo) * (i + 1)) / (count + 1)));
    }
    return out.sort((a, b) => a - b);
  }
}

function periodLabel(
  period: 'month' | 'quarter' | 'half_year' | 'year',
  year: number,
  month: number,
): { key: string; info: PeriodInfo } {
  const cn = ['一', '二', '三', '四'];
  switch (period) {
    case 'month': {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      return { key, info: { key, label: `${year}年${month}月`, year } };
    }
    case 'quarter': {
      const q = Math.ceil(month / 3);
      const key = `${year}-Q${q}`;
      return { key, info: { key, label: `${year}年第${cn[q - 1]}季度`, year } };
    }
    case 'half_year': {
      const h = month <= 6 ? 1 : 2;
      const key = `${year}-H${h}`;
      return { key, info: { key, label: `${year}年${h === 1 ? '上' : '下'}半年`, year } };
    }
    case 'year':
      return { key: String(year), info: { key: String(year), label: `${year}年度`, year } };
  }
}

// 索引号 as a CMS numbers it: <organisation code>/<YYYY>-<5-digit serial>, e.g. 000014349/2018-00222
export function formatIndexNo(orgCode: string, year: number, serial: number): string {
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/** Well-formed by the completeness rule's own pattern, and (given one) under the department's code. */
export function isWellFormedIndexNo(indexNo: string, orgCode?: string): boolean {
  const match = INDEX_NO_PATTERN.exec(indexNo);
  return match !== null && (orgCode === undefined || match[1] === orgCode);
}

/** The ways CMS operators get a 索引号 wrong. */
function malformIndexNo(rng: Rng, orgCode: string, year: number, serial: number): string {
  const five = String(serial).padStart(5, '0');
  return pick(rng, [
    `${orgCode}-${year}-${five}`,
    `${orgCode}/${year}-${String(serial).padStart(4, '0')}`,
    `${year}-${five}`,
    `${orgCode.slice(0, 8)}/${year}-${five}`,
    `${orgCode}/${String(year).slice(2)}-${five}`,
  ]);
}

function chooseDefect(rng: Rng, entry: CatalogEntrySeed, attachments: readonly Attachment[]): Defect {
  const missable = entry.requiredElements.filter((e) => e !== 'indexNo' && (e !== 'attachments' || attachments.length > 0));
  const choices: [string, number][] = [['index', 0.25]];
  if (missable.length > 0) choices.push(['missing', 0.45]);
  if (entry.channels.length >= 2) choices.push(['channel', 0.25]);
  if (entry.requiredElements.includes('summary')) choices.push(['summary', 0.05]);
  switch (weighted(rng, choices)) {
    case 'missing':
      return { kind: 'missing', element: pick(rng, missable) };
    case 'channel':
      // the website is rarely forgotten; the other channels are
      return { kind: 'missing_channel', channel: pick(rng, entry.channels.length > 1 ? entry.channels.slice(1) : entry.channels) };
    case 'summary':
      return { kind: 'summary_too_long' };
    default:
      return { kind: 'malformed_index' };
  }
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function extensionOf(name: string): string {
  return /\.[a-z]{3,4}$/.exec(name)?.[0] ?? '.pdf';
}

function bodyOf(department: DepartmentSeed, entry: CatalogEntrySeed, title: string, day: Ymd): string {
  const [y, m, d] = day.split('-').map(Number);
  return [
    title,
    `根据${entry.basis}，现将${entry.name}有关情况公开如下。`,
    `公开内容：${entry.content}。`,
    `如对本信息有疑问，可通过政府信息公开平台或政务服务热线12345咨询。`,
    `${department.name}`,
    `${y}年${m}月${d}日`,
  ].join('\n');
}

function actor(department: DepartmentSeed, member: StaffMember): string {
  return `${member.name}（${department.shortName}·${member.post}）`;
}

function publishedEvent(department: DepartmentSeed, publishedAt: number, channels: Channel[], url: string | null): PlannedEvent {
  return {
    kind: 'published',
    at: new Date(publishedAt),
    actor: actor(department, department.staff.publisher),
    note: `已在${channels.map((c) => CHANNEL_LABELS[c]).join('、') || '—'}发布`,
    diff: { channels, url },
  };
}

function historyOf(
  rng: Rng,
  planner: ItemPlanner,
  department: DepartmentSeed,
  entry: CatalogEntrySeed,
  draft: DraftItem,
  channels: Channel[],
  url: string | null,
  history: 'full' | 'compact',
): PlannedEvent[] {
  const { staff } = department;
  const formed: PlannedEvent = {
    kind: 'formed',
    at: new Date(draft.formedAt),
    actor: actor(department, staff.drafter),
    note: `信息形成：${entry.name}`,
    diff: null,
  };
  if (history === 'compact') {
    if (draft.publishedAt === null) return [formed];
    return [formed, publishedEvent(department, draft.publishedAt, channels, url)];
  }
  if (draft.publishedAt !== null) {
    const [submitted, reviewed, approved] = planner.instantsBetween(rng, draft.formedAt, draft.publishedAt, 3) as [number, number, number];
    return [
      formed,
      { kind: 'submitted', at: new Date(submitted), actor: actor(department, staff.drafter), note: '提交公开审核', diff: null },
      { kind: 'reviewed', at: new Date(reviewed), actor: actor(department, staff.reviewer), note: '保密审查、合法性审核通过', diff: null },
      { kind: 'approved', at: new Date(approved), actor: actor(department, staff.approver), note: '签发，同意公开', diff: null },
      publishedEvent(department, draft.publishedAt, channels, url),
    ];
  }
  // still unpublished: it may have got as far as review
  const stepsDone = weighted(rng, [[0, 0.3], [1, 0.4], [2, 0.3]] as const);
  const until = Math.min(planner.cutoffMs, draft.formedAt + 10 * DAY_MS);
  const [submitted, reviewed] = planner.instantsBetween(rng, draft.formedAt, until, 2) as [number, number];
  const events = [formed];
  if (stepsDone >= 1) events.push({ kind: 'submitted', at: new Date(submitted), actor: actor(department, staff.drafter), note: '提交公开审核', diff: null });
  if (stepsDone >= 2) events.push({ kind: 'reviewed', at: new Date(reviewed), actor: actor(department, staff.reviewer), note: '保密审查、合法性审核通过', diff: null });
  return events;
}

// ——— the stated mix ———

export interface OutcomeMix {
  /** Obligations due by `today`. */
  due: number;
  counts: Record<Outcome, number>;
  shares: Record<Outcome, number>;
}

/** The outcome mix over the obligations due by the cutoff (00:00 of `today`). */
export function outcomeMix(obligations: Iterable<PlannedObligation>, cutoffMs: number): OutcomeMix {
  const counts: Record<Outcome, number> = { on_time: 0, late: 0, incomplete: 0, unpublished: 0 };
  let due = 0;
  for (const o of obligations) {
    if (o.dueAt.getTime() > cutoffMs || o.outcome === 'pending') continue;
    due++;
    counts[o.outcome]++;
  }
  const share = (n: number) => (due === 0 ? 0 : n / due);
  return {
    due,
    counts,
    shares: { on_time: share(counts.on_time), late: share(counts.late), incomplete: share(counts.incomplete), unpublished: share(counts.unpublished) },
  };
}
