// Applies lib/db/migrations/*.sql in order, each in its own transaction, recorded in schema_migrations.
// Runs as the owner (DATABASE_ADMIN_URL); the app role of DATABASE_URL only gets row privileges,
// and none to rewrite history (audit_log and the *_events tables are insert-only for it).
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createSql } from './sql';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const APPEND_ONLY_TABLES = ['audit_log', 'item_events', 'alert_events', 'complaint_events', 'request_events'];
// Any constant works; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_KEY = 727_115_301;

export interface MigrateOptions {
  adminUrl: string;
  appUrl: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  database: string;
  appRole: string;
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`数据库名不合法 / invalid database name: "${name}"`);
  return name;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabaseAndRole(options: MigrateOptions): Promise<{ database: string; appRole: string }> {
  const database = databaseName(options.adminUrl);
  if (databaseName(options.appUrl) !== database) {
    throw new Error('DATABASE_URL 与 DATABASE_ADMIN_URL 必须指向同一数据库 / both URLs must name the same database');
  }
  const appUrl = new URL(options.appUrl);
  const appRole = decodeURIComponent(appUrl.username);
  if (!/^[a-z_][a-z0-9_]*$/.test(appRole)) throw new Error(`应用角色名不合法 / invalid app role: "${appRole}"`);
  const appPassword = decodeURIComponent(appUrl.password);

  const server = createSql(withDatabase(options.adminUrl, 'postgres'), { max: 1 });
  try {
    const [role] = await server`select rolsuper from pg_roles where rolname = ${appRole}`;
    if (!role) {
      await server.unsafe(`create role ${appRole} login nosuperuser nocreatedb nocreaterole`);
      options.log?.(`created role ${appRole}`);
    } else if (role.rolsuper) {
      throw new Error(`应用角色 ${appRole} 不能是超级用户 / the app role must not be a superuser`);
    }
    if (appPassword) {
      await server.unsafe(`alter role ${appRole} password ${escapeLiteral(appPassword)}`);
    }
    const [exists] = await server`select 1 from pg_database where datname = ${database}`;
    if (!exists) {
      await server.unsafe(`create database ${database}`);
      options.log?.(`created database ${database}`);
    }
  } finally {
    await server.end({ timeout: 5 });
  }
  return { database, appRole };
}

function escapeLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const { database, appRole } = await ensureDatabaseAndRole(options);
  const sql = createSql(options.adminUrl, { max: 1 });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await sql`
      create table if not exists schema_migrations (
        name text primary key, checksum text not null, applied_at timestamptz not null default now()
      )`;
    const done = new Map(
      (await sql<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations`).map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort();
    const applied: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`迁移 ${file} 已应用但内容被修改 / migration ${file} was edited after it was applied`);
        }
        continue;
      }
      await sql.begin(async (tx) => {
        await tx.unsafe(text);
        await tx`insert into schema_migrations (name, checksum) values (${file}, ${checksum})`;
      });
      applied.push(file);
      options.log?.(`applied ${file}`);
    }
    await grantAppRole(sql, appRole);
    return { applied, database, appRole };
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}

async function grantAppRole(sql: postgres.Sql, role: string): Promise<void> {
  await sql.unsafe(`grant usage on schema public to ${role}`);
  await sql.unsafe(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await sql.unsafe(`revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from ${role}`);
  await sql.unsafe(`revoke insert, update, delete on schema_migrations from ${role}`);
  await sql.unsafe(`grant usage, select on all sequences in schema public to ${role}`);
}
