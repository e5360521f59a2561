// Entry points of npm scripts: a failure prints one clear line and exits non-zero, never a stack trace.
import { closeSql } from '../db/sql';

export class UsageError extends Error {}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
    await closeSql();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED') {
      console.error(`无法连接数据库或 Redis / cannot connect: ${message}`);
    } else {
      console.error(message);
    }
    if (process.env.DEBUG) console.error(error);
    await closeSql().catch(() => {});
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
