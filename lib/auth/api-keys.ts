// Department API keys (table api_keys): how a department's CMS authenticates to POST /api/v1/items.
// The plaintext key is shown once, when it is created; the database keeps only its SHA-256 and a
// short prefix for display, so a leaked table or backup yields no usable key.
//
// Why SHA-256 and not argon2 as for passwords: a key is 32 random bytes (256 bits), so guessing it from
// its hash is out of reach whatever the hash costs; a slow, salted hash only helps secrets people choose,
// which are guessable. A fast, unsalted hash also lets the lookup be one probe of the unique index on
// key_hash (a salted hash would mean verifying every key in turn), and keeps the check to microseconds on
// an endpoint that takes hundreds of requests a second.
import { createHash, randomBytes } from 'node:crypto';
import { now } from '../clock';
import type { Db } from '../db/sql';

export const API_KEY_PREFIX = 'dwk_';
const KEY_BYTES = 32;
// 32 bytes in base64url without padding are exactly 43 characters
const KEY_PATTERN = /^dwk_[A-Za-z0-9_-]{43}$/;
// 'dwk_' and 8 characters: enough to tell a department's keys apart in a list, useless for guessing
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
// last_used_at is for the record (is this key still in use?), not for security: a write a minute is plenty
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_LABEL_LENGTH = 200;

/** The department a key speaks for: what ingest needs to resolve catalog codes and check ownership. */
export interface ApiKeyDepartment {
  id: number;
  regionCode: string;
  /** Dotted path of the department's region, e.g. '320000.320100.320105'. */
  regionPath: string;
  orgCode: string;
  name: string;
}

/** A department authenticated by one of its keys; the key's prefix names it in item histories. */
export interface KeyedDepartment extends ApiKeyDepartment {
  keyId: number;
  keyPrefix: string;
}

export interface ApiKeyInfo {
  id: number;
  departmentId: number;
  keyPrefix: string;
  label: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: number;
  department_id: number;
  key_prefix: string;
  label: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const infoFromRow = (row: ApiKeyRow): ApiKeyInfo => ({
  id: row.id,
  departmentId: row.department_id,
  keyPrefix: row.key_prefix,
  label: row.label,
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function isWellFormedApiKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_PATTERN.test(key);
}

/** What a list shows of a key, and what --revoke takes: 'dwk_' and its next 8 characters. */
export function displayPrefixOf(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
}

async function audit(db: Db, row: { at: Date; actor: string; entityId: number; action: string; before?: object; after?: object }) {
  await db`
    insert into audit_log (at, actor, entity, entity_id, action, before, after)
    values (${row.at}, ${row.actor}, 'api_key', ${String(row.entityId)}, ${row.action},
            ${row.before ? db.json(row.before as never) : null}, ${row.after ? db.json(row.after as never) : null})`;
}

/** Creates a key for a department; the plaintext `key` is returned here and never again. */
export async function createApiKey(
  db: Db,
  input: { departmentId: number; label?: string; createdBy: string },
): Promise<{ key: string; apiKey: ApiKeyInfo }> {
  const key = generateApiKey();
  const at = now();
  const label = (input.label ?? '').trim().slice(0, MAX_LABEL_LENGTH);
  const [row] = await db<ApiKeyRow[]>`
    insert into api_keys (department_id, key_hash, key_prefix, label, created_by, created_at)
    values (${input.departmentId}, ${hashApiKey(key)}, ${displayPrefixOf(key)}, ${label},
            ${input.createdBy}, ${at})
    returning id, department_id, key_prefix, label, created_by, created_at, last_used_at, revoked_at`;
  const apiKey = infoFromRow(row!);
  await audit(db, {
    at,
    actor: input.createdBy,
    entityId: apiKey.id,
    action: 'create',
    after: { departmentId: apiKey.departmentId, keyPrefix: apiKey.keyPrefix, label },
  });
  return { key, apiKey };
}

/**
 * Revokes the department's live keys with this display prefix (as listed, e.g. 'dwk_AbCd1234'); returns
 * the keys revoked, none when the prefix matches no live key. A revoked key is refused at once.
 */
export async function revokeApiKey(
  db: Db,
  input: { departmentId: number; keyPrefix: string; revokedBy: string },
): Promise<ApiKeyInfo[]> {
  const at = now();
  const rows = await db<ApiKeyRow[]>`
    update api_keys set revoked_at = ${at}
    where department_id = ${input.departmentId} and key_prefix = ${input.keyPrefix} and revoked_at is null
    returning id, department_id, key_prefix, label, created_by, created_at, last_used_at, revoked_at`;
  for (const row of rows) {
    await audit(db, {
      at,
      actor: input.revokedBy,
      entityId: row.id,
      action: 'revoke',
      before: { keyPrefix: row.key_prefix, label: row.label, revokedAt: null },
      after: { keyPrefix: row.key_prefix, label: row.label, revokedAt: at.toISOString() },
    });
  }
  return rows.map(infoFromRow);
}

export async function listApiKeys(db: Db, departmentId: number): Promise<ApiKeyInfo[]> {
  const rows = await db<ApiKeyRow[]>`
    select id, department_id, key_prefix, label, created_by, created_at, last_used_at, revoked_at
    from api_keys where department_id = ${departmentId}
    order by id`;
  return rows.map(infoFromRow);
}

/**
 * The department behind a key, or null when the key is malformed, unknown or revoked. Bad input never
 * throws; a database failure does (the caller answers unavailable, not an unknown key).
 */
export async function findDepartmentByApiKey(db: Db, key: string | null | undefined): Promise<KeyedDepartment | null> {
  if (!isWellFormedApiKey(key)) return null;
  const rows = await db<
    { key_id: number; key_prefix: string; last_used_at: Date | null; id: number; region_code: string; region_path: string; org_code: string; name: string }[]
  >`
    select k.id as key_id, k.key_prefix, k.last_used_at,
           d.id, d.region_code, r.path as region_path, d.org_code, d.name
    from api_keys k
    join departments d on d.id = k.department_id
    join regions r on r.code = d.region_code
    where k.key_hash = ${hashApiKey(key)} and k.revoked_at is null`;
  const row = rows[0];
  if (!row) return null;
  const at = now();
  if (row.last_used_at === null || at.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    // the condition repeats in SQL so concurrent requests with one key write at most once a minute
    await db`
      update api_keys set last_used_at = ${at}
      where id = ${row.key_id}
        and (last_used_at is null or last_used_at <= ${new Date(at.getTime() - LAST_USED_RESOLUTION_MS)})`;
  }
  return {
    id: row.id,
    regionCode: row.region_code,
    regionPath: row.region_path,
    orgCode: row.org_code,
    name: row.name,
    keyId: row.key_id,
    keyPrefix: row.key_prefix,
  };
}

// ——— finding a department by the code an operator types ———

export interface DepartmentCandidate {
  id: number;
  code: string;
  orgCode: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export type DepartmentLookup =
  | { kind: 'found'; department: DepartmentCandidate }
  | { kind: 'ambiguous'; candidates: DepartmentCandidate[] }
  | { kind: 'unknown' };

/**
 * `code` is a department's 组织机构代码 (org_code, unique), or its own code when only one department
 * in the province has it (departments.code is unique only within a region).
 */
export async function findDepartmentByCode(db: Db, code: string): Promise<DepartmentLookup> {
  const trimmed = code.trim();
  if (trimmed === '') return { kind: 'unknown' };
  const rows = await db<(DepartmentCandidate & { byOrgCode: boolean })[]>`
    select d.id, d.code, d.org_code as "orgCode", d.name, d.region_code as "regionCode", r.name as "regionName",
           d.org_code = ${trimmed.toUpperCase()} as "byOrgCode"
    from departments d join regions r on r.code = d.region_code
    where d.org_code = ${trimmed.toUpperCase()} or d.code = ${trimmed}
    order by d.region_code, d.code`;
  const strip = (row: DepartmentCandidate & { byOrgCode: boolean }): DepartmentCandidate => ({
    id: row.id,
    code: row.code,
    orgCode: row.orgCode,
    name: row.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
  });
  const byOrgCode = rows.find((row) => row.byOrgCode);
  if (byOrgCode) return { kind: 'found', department: strip(byOrgCode) };
  if (rows.length === 1) return { kind: 'found', department: strip(rows[0]!) };
  if (rows.length > 1) return { kind: 'ambiguous', candidates: rows.map(strip) };
  return { kind: 'unknown' };
}

// ——— demo ———

export interface PilotApiKey {
  regionCode: string;
  regionName: string;
  departmentId: number;
  departmentName: string;
  orgCode: string;
  key: string;
}

export const DEMO_API_KEY_LABEL = '演示数据接入';

/**
 * One ingest key per pilot unit (regions.is_pilot) for `npm run demo`: the unit's department that
 * answers for the most current catalog entries (ties: the first created), so the key can publish
 * under many entries. The department's earlier keys with the same label are revoked first, so
 * running the demo again leaves one live demo key per unit, not one per run.
 */
export async function createPilotApiKeys(
  db: Db,
  input: { createdBy: string; label?: string },
): Promise<PilotApiKey[]> {
  const label = input.label ?? DEMO_API_KEY_LABEL;
  const departments = await db<{ id: number; name: string; org_code: string; region_code: string; region_name: string }[]>`
    select distinct on (r.code) d.id, d.name, d.org_code, r.code as region_code, r.name as region_name
    from regions r
    join departments d on d.region_code = r.code
    left join catalog_entries e on e.department_id = d.id and e.is_current
    where r.is_pilot
    group by r.code, r.name, d.id
    order by r.code, count(e.id) desc, d.id`;
  const keys: PilotApiKey[] = [];
  for (const department of departments) {
    const at = now();
    const stale = await db<{ id: number; key_prefix: string }[]>`
      update api_keys set revoked_at = ${at}
      where department_id = ${department.id} and label = ${label} and revoked_at is null
      returning id, key_prefix`;
    for (const row of stale) {
      await audit(db, {
        at,
        actor: input.createdBy,
        entityId: row.id,
        action: 'revoke',
        before: { keyPrefix: row.key_prefix, label, revokedAt: null },
        after: { keyPrefix: row.key_prefix, label, revokedAt: at.toISOString() },
      });
    }
    const { key } = await createApiKey(db, { departmentId: department.id, label, createdBy: input.createdBy });
    keys.push({
      regionCode: department.region_code,
      regionName: department.region_name,
      departmentId: department.id,
      departmentName: department.name,
      orgCode: department.org_code,
      key,
    });
  }
  return keys;
}
