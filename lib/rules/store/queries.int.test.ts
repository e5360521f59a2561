// The per-process rules cache follows changes made by any process: it re-reads the table's stamp at most
// every RULES_STAMP_CHECK_MS and reloads only when a rule was added or saved.
import { describe, expect, it } from 'vitest';
import { createRegionTree } from '../../auth/test-fixtures';
import { sql } from '../../db/sql';
import { getRules, invalidateRules, RULES_STAMP_CHECK_MS } from './queries';

describe('getRules', () => {
  it('keeps serving the same rules while nothing changes, and sees a save made elsewhere at the next check', async () => {
    const regions = await createRegionTree(sql);
    const [rule] = await sql<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values ('deadline', '测试时限规则', ${regions.county.code}, ${sql.json({ warnWorkingDays: 3, severeWorkingDays: 10 })}, 'yellow', now(), now())
      returning id`;
    invalidateRules();
    const warnOf = (rules: Awaited<ReturnType<typeof getRules>>) =>
      (rules.find((r) => r.id === rule!.id)?.params as { warnWorkingDays: number }).warnWorkingDays;

    const first = await getRules(sql, 10_000);
    expect(warnOf(first)).toBe(3);
    expect(await getRules(sql, 10_000 + RULES_STAMP_CHECK_MS)).toBe(first);

    // another process saves the rule (a new version), without touching this process's cache
    await sql`update rules set params = ${sql.json({ warnWorkingDays: 5, severeWorkingDays: 10 })}, version = version + 1 where id = ${rule!.id}`;
    expect(warnOf(await getRules(sql, 10_000 + RULES_STAMP_CHECK_MS + 1))).toBe(3);
    expect(warnOf(await getRules(sql, 10_000 + 2 * RULES_STAMP_CHECK_MS + 1))).toBe(5);
  });
});
