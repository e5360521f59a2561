// The faults, one per phase, each injected while items stream in. A fault says when it ended: the moment from
// which the system is expected to work again without anyone's help (the kill itself for a killed process,
// since its twin carries on; the service back for Redis and Postgres; the socket connected again for the
// dropped connection). A killed process is started again a few seconds later, as systemd would (and so is
// one that exits by itself: lib/testing/chaos/managed-process.ts).
import type { ChaosStack } from './chaos-stack';
import type { SupervisorSocket } from './supervisor-socket';

export type FaultKey = 'worker-kill' | 'web-kill' | 'redis-restart' | 'postgres-restart' | 'socket-drop';

export interface FaultTimings {
  /** How long a killed process stays down before it is started again. */
  restartAfterMs: number;
  redisDownMs: number;
  postgresDownMs: number;
  socketDropMs: number;
}

export interface FaultContext {
  stack: ChaosStack;
  supervisor: SupervisorSocket;
  timings: FaultTimings;
  log: (line: string) => void;
}

export interface FaultRun {
  startedAt: number;
  endedAt: number;
  /** What was done, in a sentence for RELIABILITY.md. */
  note: string;
}

export interface Fault {
  key: FaultKey;
  title: string;
  /** What "fault end" means for this fault, for the report. */
  endsWhen: string;
  /** A dependency went away: time how long /api/health takes to say 200 again on both web processes. */
  probesHealth: boolean;
  inject: (context: FaultContext) => Promise<FaultRun>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function restartLater(context: FaultContext, start: () => Promise<void>): Promise<string> {
  await sleep(context.timings.restartAfterMs);
  const began = Date.now();
  await start();
  return `started again after ${seconds(context.timings.restartAfterMs)} (serving ${seconds(Date.now() - began)} later)`;
}

export const FAULTS: readonly Fault[] = [
  {
    key: 'worker-kill',
    title: 'kill -9 one worker process mid-batch',
    endsWhen: 'the kill (the other worker carries on)',
    probesHealth: false,
    inject: async (context) => {
      const { stack } = context;
      const worker = stack.workers[0]!;
      // mid-batch: wait (bounded) until the check queue has jobs in progress
      let active = 0;
      for (let waited = 0; waited < 3_000; waited += 50) {
        active = (await stack.checkQueueCounts())?.active ?? 0;
        if (active > 0) break;
        await sleep(50);
      }
      const pid = worker.pid();
      const startedAt = Date.now();
      await worker.kill();
      const restarted = await restartLater(context, () => worker.start());
      return { startedAt, endedAt: startedAt, note: `SIGKILL to ${worker.name} (pid ${pid}) with ${active} check jobs active; ${restarted}` };
    },
  },
  {
    key: 'web-kill',
    title: 'kill -9 one web process',
    endsWhen: 'the kill (posts and the socket fail over to the other web process)',
    probesHealth: false,
    inject: async (context) => {
      const { stack, supervisor } = context;
      // the one the supervisor's socket is on, so the socket has to fail over too
      const url = supervisor.connectedTo();
      const web = stack.webs.find((candidate) => url?.endsWith(`:${candidate.port}`)) ?? stack.webs[0]!;
      const pid = web.pid();
      const startedAt = Date.now();
      await web.kill();
      const restarted = await restartLater(context, () => web.start());
      return { startedAt, endedAt: startedAt, note: `SIGKILL to ${web.name} (pid ${pid}, the supervisor's socket was on it); ${restarted}` };
    },
  },
  {
    key: 'redis-restart',
    title: 'stop Redis, start it empty',
    endsWhen: 'Redis answers again (empty, same port)',
    probesHealth: true,
    inject: async (context) => {
      const { stack, timings } = context;
      // with jobs owed: wait (bounded) for a moment when check jobs wait in the queue, the work Redis forgets
      let counts = await stack.checkQueueCounts();
      for (let waited = 0; waited < 3_000 && (counts?.waiting ?? 0) === 0; waited += 50) {
        await sleep(50);
        counts = await stack.checkQueueCounts();
      }
      const startedAt = Date.now();
      await stack.redis.stop();
      await sleep(timings.redisDownMs);
      await stack.redis.start();
      const endedAt = Date.now();
      return {
        startedAt,
        endedAt,
        note: `redis-server stopped (no persistence: ${counts ? `${counts.waiting} waiting and ${counts.active} active check jobs` : 'its queues'} gone) for ${seconds(endedAt - startedAt)}, started empty on the same port`,
      };
    },
  },
  {
    key: 'postgres-restart',
    title: 'restart Postgres',
    endsWhen: 'Postgres accepts connections again',
    probesHealth: true,
    inject: async (context) => {
      const { stack, timings } = context;
      const startedAt = Date.now();
      await stack.postgres.stop('fast');
      const stoppedAt = Date.now();
      await sleep(timings.postgresDownMs);
      await stack.postgres.start();
      const endedAt = Date.now();
      return {
        startedAt,
        endedAt,
        note: `pg_ctl stop -m fast (took ${seconds(stoppedAt - startedAt)}), down ${seconds(endedAt - startedAt)} in all, started again on the same port`,
      };
    },
  },
  {
    key: 'socket-drop',
    title: "drop the supervisor's socket",
    endsWhen: 'the socket is connected again (and has sent alerts:sync)',
    probesHealth: false,
    inject: async (context) => {
      const { supervisor, timings } = context;
      const startedAt = Date.now();
      const endedAt = await supervisor.drop(timings.socketDropMs);
      return { startedAt, endedAt, note: `disconnected for ${seconds(timings.socketDropMs)}, reconnected ${seconds(endedAt - startedAt - timings.socketDropMs)} later and synced` };
    },
  },
];
