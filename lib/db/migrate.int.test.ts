import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { migrate } from './migrate';
import { createSql } from './sql';

describe('migrations', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => db?.drop());

  it('apply once, record themselves, and change nothing the second time', async () => {
    db = await createTestDatabase('migrate');
    const again = await migrate({ adminUrl: db.adminUrl, appUrl: db.appUrl });
    expect(again.applied).toEqual([]);
    const admin = createSql(db.adminUrl, { max: 1 });
    try {
      const rows = await admin<{ name: string }[]>`select name from schema_migrations order by name`;
      expect(rows.map((row) => row.name)).toContain('0001_schema.sql');
    } finally {
      await admin.end();
    }
  });

  it('connect the application as a role that is neither superuser nor able to rewrite history', async () => {
    db ??= await createTestDatabase('migrate');
    const app = createSql(db.appUrl, { max: 1 });
    try {
      const [role] = await app<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = current_user`;
      expect(role?.rolsuper).toBe(false);
      await app`insert into audit_log (at, actor, entity, entity_id, action) values (now(), 'test', 'user', '1', 'create')`;
      await expect(app`update audit_log set actor = 'someone else'`).rejects.toThrow(/permission denied/);
      await expect(app`delete from audit_log`).rejects.toThrow(/permission denied/);
      await expect(app`delete from item_events`).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('allow at most one unresolved alert per rule kind and subject', async () => {
    db ??= await createTestDatabase('migrate');
    const app = createSql(db.appUrl, { max: 1 });
    const at = new Date('2026-11-27T08:00:00+08:00');
    try {
      await app`insert into regions (code, name, short_name, level, path) values ('320000', '江苏省', '江苏', 'province', '320000')`;
      const [department] = await app<{ id: number }[]>`
        insert into departments (region_code, code, org_code, name, short_name, created_at)
        values ('320000', 'D1', '000000001', '测试厅', '测试厅', ${at}) returning id`;
      const [rule] = await app<{ id: number }[]>`
        insert into rules (kind, name, level, created_at, updated_at) values ('deadline', '时限', 'yellow', ${at}, ${at})
        returning id`;
      const alert = (state: string) => app`
        insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, department_id, region_code,
          message, opened_at, updated_at, resolved_at, resolution)
        values (${rule!.id}, 'deadline', 'yellow', ${state}, 'obligation', 42, ${department!.id}, '320000', '临期', ${at},
          ${at}, ${state === 'resolved' ? at : null}, ${state === 'resolved' ? 'auto' : null})`;
      await alert('open');
      await expect(alert('acknowledged')).rejects.toThrow(/alerts_one_unresolved/);
      await app`update alerts set state = 'resolved', resolved_at = ${at}, resolution = 'auto'`;
      await alert('open');
      const seqs = await app<{ seq: number }[]>`select seq from alerts order by id`;
      expect(seqs[1]!.seq).toBeGreaterThan(seqs[0]!.seq);
    } finally {
      await app.end();
    }
  });
});
