// npm run seed [-- --today YYYY-MM-DD] – load the demo data set (idempotent)
import { runCli } from '../lib/cli/run-cli';
import { sql } from '../lib/db/sql';
import { formatSeedResult, parseSeedArgs, USAGE } from './cli-options';
import { seedDemo } from './seed-demo';

await runCli(async () => {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const result = await seedDemo(sql, { ...(args.today ? { today: args.today } : {}), log: (line) => console.log(`· ${line}`) });
  console.log(formatSeedResult(result));
});
