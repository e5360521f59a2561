// Process-level last resorts for server.ts and workers/index.ts (issue 12: a process never exits because a
// dependency went away).
//
// An unhandled rejection is a promise nobody waited for: in practice a fire-and-forget command of a library
// (a publish, a PING, an unsubscribe) failing while Redis or Postgres is away. Node's default turns it into
// a crash, which would end a process for an outage it recovers from by itself: log it and keep running.
// An uncaught exception may have left state half-changed: log it and exit, so the supervisor starts a clean
// process (BullMQ hands its jobs to another worker; browsers reconnect to another web process).
import type { Logger } from 'pino';

export function installFaultHandlers(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection (process keeps running)');
  });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error.message, stack: error.stack }, 'uncaught exception: exiting');
    process.exit(1);
  });
}
