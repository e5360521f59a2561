// Imported first by the chaos script: until the private services exist, point every default of lib/env.ts at
// an address where nothing listens, so no module of this process can reach the machine's shared Postgres or
// Redis by accident. The children get the private URLs explicitly (lib/testing/chaos/chaos-stack.ts).
process.env.DATABASE_URL = 'postgres://chaos-unset@127.0.0.1:9/unset';
process.env.DATABASE_ADMIN_URL = 'postgres://chaos-unset@127.0.0.1:9/unset';
process.env.REDIS_URL = 'redis://127.0.0.1:9';
process.env.LOG_LEVEL ??= 'warn';
