// A small, fully known world for engine tests: 江苏省 › 南京市 › 建邺区 and 无锡市 › 滨湖区, one department
// in each county with a 20-working-day catalog entry, the default rules, the 2026 calendar, and a
// supervisor per county plus one for the province, each with a live session token.
import type { Db, Sql } from '../db/sql';
import { createSession } from '../auth/sessions';
import { HOLIDAYS_2026, WORKDAYS_2026 } from '../calendar/calendar-2026.fixture';
import { replaceCalendarYear } from '../calendar/store/queries';
import { seedRules } from '../../seeds/rules';

export interface EngineFixture {
  jianye: { departmentId: number; orgCode: string; name: string; entryCode: string };
  binhu: { departmentId: number; orgCode: string; name: string; entryCode: string };
  tokens: { jianye: string; binhu: string; province: string };
}

const AT = new Date('2026-11-01T00:00:00+08:00');

export const ENTRY_REQUIRED_ELEMENTS = ['indexNo', 'publisher', 'summary', 'body'];
export const ENTRY_CHANNELS = ['website', 'open_platform'];

async function department(db: Db, regionCode: string, orgCode: string, name: string) {
  const [row] = await db<{ id: number }[]>`
    insert into departments (region_code, code, org_code, name, short_name, domains, created_at)
    values (${regionCode}, ${`HB-${regionCode}`}, ${orgCode}, ${name}, ${name}, ${['environment']}, ${AT})
    returning id`;
  const entryCode = `HB-${regionCode}-001`;
  await db`
    insert into catalog_entries (region_code, code, version, is_current, category, name, domain, department_id, basis,
      content, required_elements, time_limit, time_limit_text, channels, mode, created_at)
    values (${regionCode}, ${entryCode}, 1, true, '环境保护 › 环评审批', '建设项目环境影响评价审批结果', 'environment',
      ${row!.id}, '《政府信息公开条例》第二十条', '环评批复文件', ${ENTRY_REQUIRED_ELEMENTS},
      ${db.json({ kind: 'working_days_after', n: 20, text: '信息形成或变更之日起20个工作日内' })},
      '信息形成或变更之日起20个工作日内', ${ENTRY_CHANNELS}, 'proactive', ${AT})`;
  return { departmentId: row!.id, orgCode, name, entryCode };
}

async function supervisor(db: Db, username: string, regionCode: string): Promise<string> {
  const [user] = await db<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
    values (${username}, ${username}, 'not-a-login-account', 'supervisor', ${regionCode}, ${AT}, ${AT})
    returning id`;
  return (await createSession(db, { id: user!.id })).token;
}

export async function createEngineFixture(sql: Sql): Promise<EngineFixture> {
  return sql.begin(async (tx) => {
    await tx`
      insert into regions (code, name, short_name, level, parent_code, path, is_pilot) values
        ('320000', '江苏省', '江苏省', 'province', null, '320000', false),
        ('320100', '南京市', '南京市', 'city', '320000', '320000.320100', false),
        ('320105', '南京市建邺区', '建邺区', 'county', '320100', '320000.320100.320105', true),
        ('320200', '无锡市', '无锡市', 'city', '320000', '320000.320200', false),
        ('320211', '无锡市滨湖区', '滨湖区', 'county', '320200', '320000.320200.320211', true)`;
    const jianye = await department(tx, '320105', '013050001', '南京市建邺区生态环境局');
    const binhu = await department(tx, '320211', '013050002', '无锡市滨湖区生态环境局');
    await seedRules(tx, AT);
    await replaceCalendarYear(tx, {
      year: 2026,
      holidays: [...HOLIDAYS_2026],
      workdays: [...WORKDAYS_2026],
      source: 'test fixture',
      loadedBy: 'test',
      at: AT,
    });
    const tokens = {
      jianye: await supervisor(tx, 'sup-jy', '320105'),
      binhu: await supervisor(tx, 'sup-bh', '320211'),
      province: await supervisor(tx, 'sup-js', '320000'),
    };
    return { jianye, binhu, tokens };
  });
}

/**
 * A complete item of 建邺区's entry as its CMS posts it to POST /api/v1/items: every required element, both
 * channels, not yet published. `overrides` make it published, late, incomplete (`publisher: undefined`) …
 */
export function jianyeItem(fixture: EngineFixture, externalId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { jianye } = fixture;
  return {
    externalId,
    catalogCode: jianye.entryCode,
    title: '关于某建设项目环境影响报告书审批意见的公告',
    formedAt: '2026-11-02T09:00:00+08:00',
    channels: ENTRY_CHANNELS,
    indexNo: `${jianye.orgCode}/2026-00017`,
    publisher: jianye.name,
    summary: '批复某建设项目环境影响报告书。',
    body: '经审查，同意该项目按报告书所列性质、规模、地点建设。',
    url: 'https://www.example.gov.cn/hbj/2026/11/17.html',
    ...overrides,
  };
}
