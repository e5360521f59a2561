// npm run seed [-- --today YYYY-MM-DD] [--scale demo|province [--reset]] – load the demo data set
// (idempotent), or the province-scale benchmark set into an empty database
import { runCli } from '../lib/cli/run-cli';
import { createSql, sql } from '../lib/db/sql';
import { getEnv } from '../lib/env';
import { formatProvinceResult, formatSeedResult, parseSeedArgs, USAGE } from './cli-options';
import { createProgressDisplay } from './progress';
import { seedDemo } from './seed-demo';
import { seedProvince } from './seed-province';

await runCli(async () => {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.scale === 'province') {
    // the owner connection: the app role may not TRUNCATE the append-only history tables, and COPY
    // of a million rows is a maintenance job, not the app's (see seed-province.ts)
    const admin = createSql(getEnv().DATABASE_ADMIN_URL, { max: 1 });
    const display = createProgressDisplay();
    try {
      const result = await seedProvince(admin, {
        ...(args.today ? { today: args.today } : {}),
        ...(args.itemsTarget ? { itemsTarget: args.itemsTarget } : {}),
        reset: args.reset,
        log: display.line,
        onProgress: display.load,
      });
      console.log(formatProvinceResult(result));
    } finally {
      await admin.end({ timeout: 5 });
    }
    return;
  }
  const result = await seedDemo(sql, { ...(args.today ? { today: args.today } : {}), log: (line) => console.log(`· ${line}`) });
  console.log(formatSeedResult(result));
});
