// The province-scale data set for benchmarks (`npm run seed -- --scale province`, issue 3 item 8): 江苏省,
// its 13 cities and all 96 county-level units (province-geography.ts), each with the demo's departments,
// positions and catalog, and about 1,000,000 items over the past year with their history (formed and
// published events) and obligations — the same planner, outcome mix and level rule as the demo
// (item-planner.ts), deterministic for a given `today`. Demo users are seeded too, so the app is usable on it.
//
// Written with COPY in one transaction (all of it or nothing), as the owner role of DATABASE_ADMIN_URL:
// the app role of DATABASE_URL may not TRUNCATE the append-only history tables (lib/db/migrate.ts), and
// the load should not depend on what the app is allowed to do row by row.
//
// Item ids: the load reserves them from the items identity sequence instead of reading them back.
// It takes one nextval() as the first id, numbers the items itself, and moves the sequence past the
// last one with setval() before committing; COPY writes given values into an identity column (it acts
// as OVERRIDING SYSTEM VALUE). That is safe because the transaction holds a lock on items that keeps
// every other writer out until it commits (TRUNCATE's ACCESS EXCLUSIVE with --reset, otherwise an
// explicit EXCLUSIVE lock), and it is the fastest correct way: events and obligations are written in
// the same pass as their items, with no read-back of a million (department, external_id) keys and no
// second copy of the rows held in memory. Events and obligations take their ids from Postgres.
//
// Planning (JavaScript) and COPY (the Postgres backend) run side by side on the two cores: departments
// are planned into batches of rows while the previous batch is being copied, items first, then that
// batch's events and obligations.
//
// On the Postgres side the load follows "Populating a Database" of the PostgreSQL manual: the three big
// tables' secondary indexes and foreign keys are dropped for the load and put back
// afterwards — an index built once by sorting, a foreign key checked once by a join, instead of one
// index insertion and one lookup per row. The definitions come from the catalog, so whatever the
// migrations say is what comes back, and a failure anywhere rolls all of it back. With --reset the
// tables were emptied in this same transaction, so COPY may also write the rows frozen (FREEZE), which
// spares the hint-bit and freeze work a first reader or autovacuum would otherwise do.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isYmd, shanghaiDayOf, type Ymd } from '../lib/calendar/ymd';
import { now } from '../lib/clock';
import type { Sql, TransactionSql } from '../lib/db/sql';
import { seedCalendar } from './calendar';
import { seedCatalog } from './catalog';
import { buildUpperDepartments, seedDepartments } from './departments';
import { seedGeography } from './geography';
import { ItemPlanner, outcomeMix, type Outcome, type OutcomeMix } from './item-planner';
import type { ItemIds } from './item-writer';
import { loadPlanContext } from './plan-context';
import { formatCount, formatRate, formatSeconds, type LoadProgress } from './progress';
import { provinceRegionSeeds, provinceUnits, unitWeight } from './province-geography';
import { departmentRows, ITEM_COLUMNS, ITEM_EVENT_COLUMNS, OBLIGATION_COLUMNS } from './province-rows';
import { scoreHistory } from '../lib/scoring/store/score-history';
import { seedRules } from './rules';
import { countSeedTables, SEED_LOCK_KEY, structureCreatedAtFor, type SeedCounts } from './seed-demo';
import { buildUnitSeed, type UnitSeed } from './unit-seed';
import { seedUsers } from './users';

export const DEFAULT_ITEMS_TARGET = 1_000_000;

/**
 * Everything a seed writes or the app accumulates; `--reset` empties these in one TRUNCATE (CASCADE
 * takes along any table a later migration hangs off them). Left alone: the working-day calendar (an
 * admin may have corrected it), score weights (configuration) and schema_migrations.
 */
export const PROVINCE_RESET_TABLES = [
  'regions', 'departments', 'positions', 'users', 'sessions', 'api_keys', 'catalog_entries', 'items', 'item_events',
  'obligations', 'rules', 'complaints', 'complaint_events', 'alerts', 'alert_events', 'scores', 'audit_log',
] as const;

// Rules may one day come with a migration; any other row means the database is in use.
const OCCUPIED_CHECK_TABLES = PROVINCE_RESET_TABLES.filter((t) => t !== 'rules');

// Items per COPY round: large enough that statement overhead vanishes, small enough that the first
// round (planned while Postgres waits) is short and two rounds in memory stay well under 200 MB.
const BATCH_ITEMS = 20_000;
const QUEUE_DEPTH = 2;
// A tiny target still gives every county a few items per entry.
const MIN_SIZE_FACTOR = 0.02;

export interface SeedProvinceOptions {
  /** YYYY-MM-DD in Asia/Shanghai; defaults to today by the application clock. */
  today?: Ymd;
  /** Empty the domain tables first; without it a database holding any data is refused. */
  reset?: boolean;
  /** About how many items to write (internal: tests run the seed small). */
  itemsTarget?: number;
  log?: (line: string) => void;
  onProgress?: (progress: LoadProgress) => void;
}

export interface TableLoad {
  rows: number;
  /** Time spent in this table's COPY statements. */
  copyMs: number;
}

export interface SeedProvinceResult {
  today: Ymd;
  /** Rows per table after the load. */
  counts: SeedCounts;
  counties: number;
  mix: OutcomeMix | null;
  load: { items: TableLoad; itemEvents: TableLoad; obligations: TableLoad; ms: number };
  /** The month scores computed after the load (DESIGN §3: seeding scores every month it seeds). */
  scored: { months: number; rows: number };
  durationMs: number;
}

export class ProvinceSeedRefusedError extends Error {}

// ——— sizing ———

const PERIODS_PER_YEAR = { month: 12, quarter: 4, half_year: 2, year: 1 } as const;
// periodic items exist only once published: most periods are, some are late or never (item-planner.ts mix)
const PERIODIC_ITEM_SHARE = 0.95;

export interface ProvinceScale {
  /** Multiplies each unit's weight to give the planner's unit size. */
  factor: number;
  itemsExpected: number;
}

/**
 * The size factor that brings the province to about `itemsTarget` items. Periodic, fixed-date and
 * month-bound entries give a fixed number of items a year; an event-triggered entry gives
 * perYear × unit size, at least one (item-planner.ts), so the factor is found by bisection.
 */
export function provinceScale(unitSeeds: readonly UnitSeed[], itemsTarget: number): ProvinceScale {
  let fixed = 0;
  const perUnitSize: number[] = [];
  for (const seed of unitSeeds) {
    const weight = unitWeight(seed.unit);
    for (const entry of seed.entries) {
      if (entry.mode === 'withheld') continue;
      const limit = entry.timeLimit;
      if (limit.kind === 'periodic') fixed += PERIODS_PER_YEAR[limit.period] * PERIODIC_ITEM_SHARE;
      else if (limit.kind === 'fixed_date') fixed += PERIODIC_ITEM_SHARE;
      else if (entry.template.months) fixed += entry.template.months.length;
      else if ((entry.template.perYear ?? 0) > 0) perUnitSize.push(entry.template.perYear! * weight);
    }
  }
  const expected = (factor: number) => perUnitSize.reduce((sum, n) => sum + Math.max(1, n * factor), fixed);
  let lo = MIN_SIZE_FACTOR;
  let hi = MIN_SIZE_FACTOR;
  while (expected(hi) < itemsTarget && hi < 1e6) hi *= 2;
  for (let i = 0; i < 60 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < itemsTarget) lo = mid;
    else hi = mid;
  }
  return { factor: hi, itemsExpected: Math.round(expected(hi)) };
}

// ——— the seed ———

export async function seedProvince(sql: Sql, options: SeedProvinceOptions = {}): Promise<SeedProvinceResult> {
  const started = performance.now();
  const at = now();
  const today = options.today ?? shanghaiDayOf(at);
  if (!isYmd(today)) throw new RangeError(`today 不是有效日期 / today must be YYYY-MM-DD: "${today}"`);
  const itemsTarget = options.itemsTarget ?? DEFAULT_ITEMS_TARGET;
  if (!Number.isInteger(itemsTarget) || itemsTarget < 1) throw new RangeError(`itemsTarget must be a positive integer: ${itemsTarget}`);
  const log = options.log ?? (() => {});
  const phase = async <T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T> => {
    const t0 = performance.now();
    const value = await run();
    log(`${label}：${describe(value)}（${formatSeconds(performance.now() - t0)}）`);
    return value;
  };

  const regionSeeds = provinceRegionSeeds();
  const unitSeeds = provinceUnits().map(buildUnitSeed);
  const structureCreatedAt = structureCreatedAtFor(today);
  let mix: OutcomeMix | null = null;
  let load: SeedProvinceResult['load'] | undefined;

  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    if (options.reset) {
      // one statement; RESTART IDENTITY so the province's ids start from 1 again
      await phase(
        '清空已有数据',
        () => tx.unsafe(`truncate ${PROVINCE_RESET_TABLES.join(', ')} restart identity cascade`),
        () => `${PROVINCE_RESET_TABLES.length} 张表`,
      );
    } else {
      // keep other writers out from the check to the commit (and the reserved item ids ours)
      await tx.unsafe(`lock table ${PROVINCE_RESET_TABLES.join(', ')} in exclusive mode`);
      await refuseIfOccupied(tx);
    }

    await phase('区域', () => seedGeography(tx, regionSeeds), (n) => `${n} 个（省 1、设区市 13、县级 ${unitSeeds.length}）`);
    await phase('工作日历', () => seedCalendar(tx, at), (c) => `${c.years.length} 年，${c.days} 个特殊日期`);
    const departments = [...buildUpperDepartments(), ...unitSeeds.flatMap((u) => u.departments)];
    const structure = await phase(
      '部门与岗位',
      () => seedDepartments(tx, departments, structureCreatedAt),
      (s) => `${formatCount(s.added.departments)} 个部门，${formatCount(s.added.positions)} 个岗位`,
    );
    const catalog = await phase(
      '公开事项目录',
      () =>
        seedCatalog(tx, unitSeeds.flatMap((u) => u.entries), structure.ids.departments, structure.ids.positions, structureCreatedAt),
      (c) => `${formatCount(c.added)} 条`,
    );
    await phase('监督规则', () => seedRules(tx, at), (n) => `${n} 条`);
    await phase('演示用户', () => seedUsers(tx, structure.ids.departments, at), (n) => `${n} 个`);

    const scale = provinceScale(unitSeeds, itemsTarget);
    const weights = new Map(unitSeeds.map((u) => [u.unit.code, unitWeight(u.unit)]));
    const planner = new ItemPlanner({
      ...(await loadPlanContext(tx, { today, asOf: at, regions: regionSeeds, entryIds: catalog.ids })),
      unitSize: (unit) => scale.factor * (weights.get(unit.code) ?? 1),
      history: 'compact',
    });
    const deferred = await phase('暂时移除二级索引与外键', () => dropForLoad(tx), (d) =>
      `${d.indexes.length} 个索引，${d.foreignKeys.length} 个外键`,
    );
    log(`公开信息、过程事件与公开义务（COPY，预计约 ${formatCount(scale.itemsExpected)} 条公开信息）`);
    const loaded = await loadItems(tx, planner, unitSeeds, {
      ids: { departments: structure.ids.departments, positions: structure.ids.positions, entries: catalog.ids },
      itemsExpected: scale.itemsExpected,
      // FREEZE needs the table truncated in this transaction; a database merely found empty was not
      canFreeze: options.reset === true,
      onProgress: options.onProgress ?? (() => {}),
    });
    mix = loaded.mix;
    load = loaded.load;
    const describeLoad = (t: TableLoad) => `${formatCount(t.rows)} 行，COPY ${formatSeconds(t.copyMs)}（${formatRate(t.rows, t.copyMs)}）`;
    log(`公开信息 ${describeLoad(load.items)}`);
    log(`过程事件 ${describeLoad(load.itemEvents)}`);
    log(`公开义务 ${describeLoad(load.obligations)}`);
    log(`写入合计 ${formatSeconds(load.ms)}（${formatRate(load.items.rows + load.itemEvents.rows + load.obligations.rows, load.ms)}）`);
    await phase('重建索引', () => restoreIndexes(tx, deferred), (n) => `${n} 个`);
    await phase('校验并恢复外键', () => restoreForeignKeys(tx, deferred), (n) => `${n} 个`);
  });
  log('已提交 / committed');

  // VACUUM sets the visibility map and hint bits now, so neither autovacuum (due after a million inserts)
  // nor the first queries of a benchmark pay for the load later; ANALYZE gives the planner row counts.
  await phase(
    'vacuum analyze',
    async () => {
      await sql.unsafe('vacuum (analyze) items, item_events, obligations');
      await sql.unsafe('analyze regions, departments, positions, users, catalog_entries, rules, calendar_years, calendar_days');
    },
    () => '完成',
  );
  // last, on the committed and analysed rows, as the score worker would read them; its own transaction,
  // so a failure here leaves the load in place and `npm run workers` (score) can finish the job
  const scored = await phase(
    '考核评分（历史各月）',
    async () => {
      const history = await sql.begin((tx) => scoreHistory(tx, { at }));
      await sql.unsafe('analyze scores');
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from scores`;
      return { months: history.periods.length, rows: row!.n };
    },
    (s) => `${s.months} 个月，${formatCount(s.rows)} 条得分`,
  );
  const counts = await countSeedTables(sql);
  return {
    today,
    counts,
    counties: unitSeeds.length,
    mix,
    load: load!,
    scored,
    durationMs: Math.round(performance.now() - started),
  };
}

async function refuseIfOccupied(tx: TransactionSql): Promise<void> {
  const occupied: string[] = [];
  for (const table of OCCUPIED_CHECK_TABLES) {
    const [row] = await tx<{ n: number }[]>`select count(*)::int as n from (select 1 from ${tx(table)} limit 1000001) t`;
    if (row && row.n > 0) occupied.push(`${table} ${row.n > 1_000_000 ? '>1,000,000' : formatCount(row.n)} 行`);
  }
  if (occupied.length > 0) {
    throw new ProvinceSeedRefusedError(
      `数据库中已有数据（${occupied.join('，')}），省级数据只写入空库；确认可以清空后加 --reset 重试。\n` +
        'The database already holds data; the province-scale seed loads into an empty database only. ' +
        'Add --reset to empty the domain tables first (this deletes them).',
    );
  }
}

// ——— indexes and foreign keys, out of the way of the load ———

const LOADED_TABLES = ['items', 'item_events', 'obligations'] as const;

export interface DeferredSchema {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Drops the loaded tables' foreign keys and every index of theirs that no constraint needs (primary
 * keys, unique constraints and the indexes other tables' foreign keys point at stay), returning what
 * it dropped.
 */
async function dropForLoad(tx: TransactionSql): Promise<DeferredSchema> {
  const tables = tx`
    select c.oid from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relname in ${tx(LOADED_TABLES)}`;
  const foreignKeys = await tx<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, quote_ident(conname) as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and conrelid in (${tables})
    order by conrelid, conname`;
  const indexes = await tx<{ name: string; definition: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid in (${tables})
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by i.indrelid, i.indexrelid`;
  for (const fk of foreignKeys) await tx.unsafe(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const index of indexes) await tx.unsafe(`drop index ${index.name}`);
  return { indexes, foreignKeys };
}

async function restoreIndexes(tx: TransactionSql, deferred: DeferredSchema): Promise<number> {
  // sorts for the index builds in memory rather than in temporary files
  await tx`set local maintenance_work_mem = '512MB'`;
  for (const index of deferred.indexes) await tx.unsafe(index.definition);
  return deferred.indexes.length;
}

/** Adding a foreign key back checks every loaded row against it, in one join per key. */
async function restoreForeignKeys(tx: TransactionSql, deferred: DeferredSchema): Promise<number> {
  for (const fk of deferred.foreignKeys) await tx.unsafe(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
  return deferred.foreignKeys.length;
}

// ——— the load ———

interface Chunk {
  text: string;
  rows: number;
}

interface Batch {
  items: Chunk[];
  events: Chunk[];
  obligations: Chunk[];
  itemCount: number;
}

/** A bounded hand-over between the planner and the COPY writer; either side's failure stops both. */
class BatchQueue<T> {
  private readonly buffer: T[] = [];
  private closed = false;
  private failure: unknown = null;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(private readonly depth: number) {}

  async push(value: T): Promise<void> {
    while (this.buffer.length >= this.depth && this.failure === null) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.failure !== null) throw this.failure;
    this.buffer.push(value);
    this.wake('consumer');
  }

  /** The next value, or null once the producer has closed the queue and it is drained. */
  async pull(): Promise<T | null> {
    while (this.buffer.length === 0 && !this.closed && this.failure === null) {
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
    if (this.failure !== null) throw this.failure;
    const value = this.buffer.shift() ?? null;
    this.wake('producer');
    return value;
  }

  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  fail(error: unknown): void {
    this.failure ??= error ?? new Error('load failed');
    this.wake('consumer');
    this.wake('producer');
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = null;
    else this.wakeProducer = null;
    wake?.();
  }
}

async function loadItems(
  tx: TransactionSql,
  planner: ItemPlanner,
  unitSeeds: readonly UnitSeed[],
  options: { ids: ItemIds; itemsExpected: number; canFreeze: boolean; onProgress: (p: LoadProgress) => void },
): Promise<{ mix: OutcomeMix | null; load: SeedProvinceResult['load'] }> {
  const started = performance.now();
  const [reserved] = await tx<{ first: number }[]>`select nextval(pg_get_serial_sequence('items', 'id')) as first`;
  const firstId = reserved!.first;
  let nextId = firstId;

  const mixCounts: Record<Outcome, number> = { on_time: 0, late: 0, incomplete: 0, unpublished: 0 };
  let due = 0;
  const written = { items: 0, events: 0, obligations: 0 };
  const copyMs = { items: 0, events: 0, obligations: 0 };
  const report = (done: boolean) =>
    options.onProgress({ ...written, itemsExpected: options.itemsExpected, elapsedMs: performance.now() - started, done });

  const queue = new BatchQueue<Batch>(QUEUE_DEPTH);
  const emptyBatch = (): Batch => ({ items: [], events: [], obligations: [], itemCount: 0 });

  const produce = async () => {
    try {
      let batch = emptyBatch();
      for (const unitSeed of unitSeeds) {
        for (const department of unitSeed.departments) {
          const plan = planner.planDepartment(unitSeed, department);
          if (plan.items.length === 0 && plan.obligations.length === 0) continue;
          const rows = departmentRows(plan, options.ids, nextId);
          nextId += rows.counts.items;
          const planMix = outcomeMix(plan.obligations, planner.cutoffMs);
          due += planMix.due;
          for (const outcome of Object.keys(mixCounts) as Outcome[]) mixCounts[outcome] += planMix.counts[outcome];
          if (rows.counts.items > 0) batch.items.push({ text: rows.items, rows: rows.counts.items });
          if (rows.counts.events > 0) batch.events.push({ text: rows.events, rows: rows.counts.events });
          if (rows.counts.obligations > 0) batch.obligations.push({ text: rows.obligations, rows: rows.counts.obligations });
          batch.itemCount += rows.counts.items;
          if (batch.itemCount >= BATCH_ITEMS) {
            await queue.push(batch);
            batch = emptyBatch();
          } else {
            // let the writer hand what it has to the socket while the next department is planned
            await yieldToEventLoop();
          }
        }
      }
      if (batch.items.length + batch.obligations.length > 0) await queue.push(batch);
      queue.close();
    } catch (error) {
      queue.fail(error);
      throw error;
    }
  };

  const copy = async (table: 'items' | 'item_events' | 'obligations', columns: readonly string[], chunks: Chunk[]) => {
    if (chunks.length === 0) return;
    const key = table === 'item_events' ? 'events' : table;
    const t0 = performance.now();
    // table and column names are constants of this module
    const freeze = options.canFreeze ? ' with (freeze)' : '';
    const stream = await tx.unsafe(`copy ${table} (${columns.join(', ')}) from stdin${freeze}`).writable();
    const done = finished(stream);
    // awaited below; without this a failure while waiting for 'drain' would leave it unhandled
    done.catch(() => {});
    for (const chunk of chunks) {
      if (!stream.write(chunk.text)) await once(stream, 'drain');
      written[key] += chunk.rows;
      report(false);
    }
    stream.end();
    await done;
    copyMs[key] += performance.now() - t0;
  };

  const consume = async () => {
    try {
      for (let batch = await queue.pull(); batch !== null; batch = await queue.pull()) {
        await copy('items', ITEM_COLUMNS, batch.items);
        await copy('item_events', ITEM_EVENT_COLUMNS, batch.events);
        await copy('obligations', OBLIGATION_COLUMNS, batch.obligations);
      }
    } catch (error) {
      queue.fail(error);
      throw error;
    }
  };

  await Promise.all([produce(), consume()]);
  const lastId = nextId - 1;
  // the next item the app ingests continues after the block this load used
  if (lastId >= firstId) await tx`select setval(pg_get_serial_sequence('items', 'id'), ${lastId})`;
  report(true);

  const share = (n: number) => (due === 0 ? 0 : n / due);
  return {
    mix:
      due === 0
        ? null
        : {
            due,
            counts: mixCounts,
            shares: {
              on_time: share(mixCounts.on_time),
              late: share(mixCounts.late),
              incomplete: share(mixCounts.incomplete),
              unpublished: share(mixCounts.unpublished),
            },
          },
    load: {
      items: { rows: written.items, copyMs: copyMs.items },
      itemEvents: { rows: written.events, copyMs: copyMs.events },
      obligations: { rows: written.obligations, copyMs: copyMs.obligations },
      ms: performance.now() - started,
    },
  };
}
