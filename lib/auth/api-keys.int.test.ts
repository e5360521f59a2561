// Department API keys against the run's real Postgres: only the hash is stored, revocation is immediate.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '../clock';
import { sql } from '../db/sql';
import {
  createApiKey,
  createPilotApiKeys,
  findDepartmentByApiKey,
  findDepartmentByCode,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
} from './api-keys';
import { createDepartment, createRegionTree, type TestRegionTree } from './test-fixtures';

let regions: TestRegionTree;
let departmentId: number;

beforeAll(async () => {
  regions = await createRegionTree(sql);
  departmentId = await createDepartment(sql, regions.county.code, '测试县生态环境局');
});

afterEach(() => setClockOffset(0));

describe('createApiKey', () => {
  it('returns the key once and stores only its SHA-256 and a display prefix', async () => {
    const { key, apiKey } = await createApiKey(sql, { departmentId, label: '门户网站 CMS', createdBy: 'admin' });
    expect(key).toMatch(/^dwk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ departmentId, keyPrefix: key.slice(0, 12), label: '门户网站 CMS', createdBy: 'admin', revokedAt: null });

    const [row] = await sql`select * from api_keys where id = ${apiKey.id}`;
    expect(row!.key_hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const audit = await sql`select actor, action, after from audit_log where entity = 'api_key' and entity_id = ${String(apiKey.id)}`;
    expect(audit).toEqual([{ actor: 'admin', action: 'create', after: { departmentId, keyPrefix: apiKey.keyPrefix, label: '门户网站 CMS' } }]);
    expect(JSON.stringify(audit)).not.toContain(key);
  });
});

describe('findDepartmentByApiKey', () => {
  it('authenticates a live key as its department, and refuses revoked, unknown and malformed keys', async () => {
    const { key, apiKey } = await createApiKey(sql, { departmentId, createdBy: 'admin' });
    expect(await findDepartmentByApiKey(sql, key)).toMatchObject({
      id: departmentId,
      regionCode: regions.county.code,
      regionPath: regions.county.path,
      name: '测试县生态环境局',
      keyId: apiKey.id,
      keyPrefix: apiKey.keyPrefix,
    });

    const revoked = await revokeApiKey(sql, { departmentId, keyPrefix: apiKey.keyPrefix, revokedBy: 'admin' });
    expect(revoked.map((k) => k.id)).toEqual([apiKey.id]);
    expect(await findDepartmentByApiKey(sql, key)).toBeNull();
    expect(await revokeApiKey(sql, { departmentId, keyPrefix: apiKey.keyPrefix, revokedBy: 'admin' })).toEqual([]);

    const unknown = `dwk_${randomBytes(32).toString('base64url')}`;
    for (const bad of [unknown, '', 'dwk_short', `${key}x`, null, undefined]) {
      expect(await findDepartmentByApiKey(sql, bad)).toBeNull();
    }
  });

  it('notes last use at most once a minute', async () => {
    const { key, apiKey } = await createApiKey(sql, { departmentId, createdBy: 'admin' });
    const lastUsed = async () => (await listApiKeys(sql, departmentId)).find((k) => k.id === apiKey.id)!.lastUsedAt;
    await findDepartmentByApiKey(sql, key);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    setClockOffset(30_000);
    await findDepartmentByApiKey(sql, key);
    expect(await lastUsed()).toEqual(first);
    setClockOffset(61_000);
    await findDepartmentByApiKey(sql, key);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
  });
});

describe('findDepartmentByCode', () => {
  it('finds a department by org code or by a code unique province-wide, and lists the candidates of an ambiguous code', async () => {
    const [department] = await sql<{ code: string; org_code: string }[]>`select code, org_code from departments where id = ${departmentId}`;
    expect(await findDepartmentByCode(sql, department!.org_code)).toMatchObject({ kind: 'found', department: { id: departmentId } });
    expect(await findDepartmentByCode(sql, department!.org_code.toLowerCase())).toMatchObject({ kind: 'found' });
    expect(await findDepartmentByCode(sql, department!.code)).toMatchObject({ kind: 'found', department: { id: departmentId } });

    const shared = `S${randomBytes(3).toString('hex')}`;
    for (const region of [regions.county.code, regions.otherCounty.code]) {
      await sql`
        insert into departments (region_code, code, org_code, name, short_name, created_at)
        values (${region}, ${shared}, ${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}, '同名局', '同名局', ${new Date()})`;
    }
    const ambiguous = await findDepartmentByCode(sql, shared);
    expect(ambiguous.kind).toBe('ambiguous');
    if (ambiguous.kind === 'ambiguous') expect(ambiguous.candidates.map((c) => c.regionCode).sort()).toEqual([regions.county.code, regions.otherCounty.code].sort());
    expect(await findDepartmentByCode(sql, 'NO-SUCH-DEPT')).toEqual({ kind: 'unknown' });
    expect(await findDepartmentByCode(sql, '  ')).toEqual({ kind: 'unknown' });
  });
});

describe('createPilotApiKeys', () => {
  it('gives every pilot unit one live key, replacing the previous run’s', async () => {
    const pilot = await createRegionTree(sql);
    await sql`update regions set is_pilot = true where code = ${pilot.county.code}`;
    const idle = await createDepartment(sql, pilot.county.code, '无事项局');
    const busy = await createDepartment(sql, pilot.county.code, '有事项局');
    await sql`
      insert into catalog_entries (region_code, code, version, is_current, name, domain, department_id, basis, content,
        time_limit, time_limit_text, mode, created_at)
      values (${pilot.county.code}, 'P-001', 1, true, '事项', 'other', ${busy}, '依据', '内容',
        ${sql.json({ kind: 'unmeasurable', text: '及时' })}, '及时', 'proactive', ${new Date()})`;

    const first = (await createPilotApiKeys(sql, { createdBy: 'demo' })).filter((k) => k.regionCode === pilot.county.code);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ departmentId: busy, departmentName: '有事项局' });
    expect(await findDepartmentByApiKey(sql, first[0]!.key)).toMatchObject({ id: busy });

    const second = (await createPilotApiKeys(sql, { createdBy: 'demo' })).filter((k) => k.regionCode === pilot.county.code);
    expect(await findDepartmentByApiKey(sql, second[0]!.key)).toMatchObject({ id: busy });
    expect(await findDepartmentByApiKey(sql, first[0]!.key)).toBeNull();
    expect((await listApiKeys(sql, idle)).length).toBe(0);
  });
});
