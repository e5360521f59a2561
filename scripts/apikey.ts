// npm run apikey -- --department <code> [--label <text>] [--revoke <prefix>] – create (or revoke) a
// department's ingest API key; a new key is printed alone on the last line, and never shown again.
import { parseArgs } from 'node:util';
import {
  createApiKey,
  displayPrefixOf,
  findDepartmentByCode,
  isWellFormedApiKey,
  listApiKeys,
  revokeApiKey,
  type DepartmentCandidate,
} from '../lib/auth/api-keys';
import { runCli, UsageError } from '../lib/cli/run-cli';
import { sql } from '../lib/db/sql';

const USAGE = `用法 / usage: npm run apikey -- --department <code> [--label <text>] [--revoke <prefix>]

为部门创建信息报送接口密钥（POST /api/v1/items 使用 Authorization: Bearer <密钥>）。
新密钥只显示这一次，单独打印在最后一行；数据库只保存其 SHA-256 摘要。
  --department <code>  部门的组织机构代码，或全省唯一的部门编码 / org code, or a department code unique province-wide
  --label <text>       密钥用途说明，如 “门户网站 CMS” / what the key is for
  --revoke <prefix>    吊销该部门前缀为 <prefix> 的密钥（创建时显示，如 dwk_AbCd1234；也可粘贴完整密钥）
                       / revoke the department's key with this prefix (or paste the whole key)
  --help               显示本说明 / show this help`;

const CREATED_BY = 'cli:apikey';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        department: { type: 'string' },
        label: { type: 'string' },
        revoke: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误 / invalid arguments: ${detail}\n\n${USAGE}`);
  }
}

const describe = (d: DepartmentCandidate) => `${d.name}（${d.regionName} ${d.regionCode}，编码 ${d.code}，组织机构代码 ${d.orgCode}）`;

await runCli(async () => {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.department) throw new UsageError(`缺少 --department / --department is required\n\n${USAGE}`);

  const lookup = await findDepartmentByCode(sql, args.department);
  if (lookup.kind === 'unknown') {
    throw new UsageError(`未找到部门 “${args.department}” / no department has this org code or code`);
  }
  if (lookup.kind === 'ambiguous') {
    const lines = lookup.candidates.map((c) => `  ${c.orgCode}  ${describe(c)}`);
    throw new UsageError(
      `部门编码 “${args.department}” 对应多个部门，请改用组织机构代码 / ambiguous code, use one of these org codes:\n${lines.join('\n')}`,
    );
  }
  const department = lookup.department;

  if (args.revoke !== undefined) {
    const given = args.revoke.trim();
    const keyPrefix = isWellFormedApiKey(given) ? displayPrefixOf(given) : given;
    const revoked = await revokeApiKey(sql, { departmentId: department.id, keyPrefix, revokedBy: CREATED_BY });
    if (revoked.length === 0) {
      const live = (await listApiKeys(sql, department.id)).filter((k) => k.revokedAt === null);
      const known = live.length > 0 ? live.map((k) => `  ${k.keyPrefix}  ${k.label || '（无说明）'}`).join('\n') : '  （无）';
      throw new UsageError(
        `${describe(department)} 没有前缀为 “${args.revoke}” 的有效密钥 / no live key with this prefix; live keys:\n${known}`,
      );
    }
    for (const key of revoked) console.log(`已吊销 / revoked: ${key.keyPrefix}  ${key.label || '（无说明）'}  ${describe(department)}`);
    return;
  }

  const { key, apiKey } = await createApiKey(sql, {
    departmentId: department.id,
    label: args.label ?? '',
    createdBy: CREATED_BY,
  });
  console.log(`已为 ${describe(department)} 创建接口密钥 / created an ingest key`);
  console.log(`前缀 / prefix: ${apiKey.keyPrefix}${apiKey.label ? `  说明 / label: ${apiKey.label}` : ''}`);
  console.log('请立即保存，密钥不会再次显示 / store it now, it is not shown again:');
  console.log(key);
});
