// npm run db:migrate
import { getEnv } from '../env';
import { runCli } from '../cli/run-cli';
import { migrate } from './migrate';

await runCli(async () => {
  const env = getEnv();
  const result = await migrate({ adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL, log: console.log });
  console.log(
    result.applied.length === 0
      ? `数据库 ${result.database} 已是最新 / up to date`
      : `已应用 ${result.applied.length} 个迁移 / applied ${result.applied.length} migration(s)`,
  );
});
