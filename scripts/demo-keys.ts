// Part of `npm run demo`: one ingest API key per pilot unit, printed for the operator (earlier demo keys
// are revoked, so the list is always the live one).
import { createPilotApiKeys } from '../lib/auth/api-keys';
import { runCli } from '../lib/cli/run-cli';
import { sql } from '../lib/db/sql';

await runCli(async () => {
  const keys = await createPilotApiKeys(sql, { createdBy: 'demo' });
  console.log('\n试点单位信息报送接口密钥（POST /api/v1/items，Authorization: Bearer <密钥>）/ ingest API keys:');
  for (const key of keys) console.log(`  ${key.regionName.padEnd(8, '　')} ${key.departmentName}（${key.orgCode}）\n    ${key.key}`);
});
