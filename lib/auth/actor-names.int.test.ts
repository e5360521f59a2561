import { describe, expect, it } from 'vitest';
import { now } from '../clock';
import { sql } from '../db/sql';
import { actorNames } from './actor-names';
import { createApiKey } from './api-keys';
import { createDepartment, createRegionTree, uniqueUsername } from './test-fixtures';

describe('actorNames', () => {
  it('names users by 姓名 and keys by their label, and reads anything else as stored', async () => {
    const regions = await createRegionTree(sql);
    const departmentId = await createDepartment(sql, regions.county.code);
    const { apiKey: labelled } = await createApiKey(sql, { departmentId, label: '门户网站 CMS', createdBy: 'test' });
    const { apiKey: bare } = await createApiKey(sql, { departmentId, createdBy: 'test' });
    const username = uniqueUsername('names');
    await sql`
      insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
      values (${username}, '王督查', 'not-a-login-account', 'supervisor', ${regions.county.code}, ${now()}, ${now()})`;

    const actors = [username, `apikey:${labelled.keyPrefix}`, `apikey:${bare.keyPrefix}`, 'apikey:dwk_gone', 'system', 'cli:apikey', '群众', 'nobody-here'];
    const names = await actorNames(sql, [...actors, username]);
    expect(Object.fromEntries(names)).toEqual({
      [username]: '王督查',
      [`apikey:${labelled.keyPrefix}`]: '接口（门户网站 CMS）',
      [`apikey:${bare.keyPrefix}`]: `接口（密钥 ${bare.keyPrefix}）`,
      'apikey:dwk_gone': '接口（密钥 dwk_gone）',
      system: '系统',
      'cli:apikey': '命令行（apikey）',
      群众: '群众',
      'nobody-here': 'nobody-here',
    });
    expect(await actorNames(sql, [])).toEqual(new Map());
  });
});
