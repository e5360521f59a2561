// Starts (or installs and starts) Postgres and Redis when they do not answer; used by .ci/run.
import { ensureServices } from './services.mjs';

await ensureServices(process.env);
console.log('PostgreSQL 与 Redis 已就绪 / PostgreSQL and Redis are ready');
