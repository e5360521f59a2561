// What every worker file receives from workers/index.ts: one BullMQ connection, the realtime emitter and the
// job schedulers (upserted again after Redis comes back empty).
import type { Redis } from 'ioredis';
import type { JobSchedulers } from '../lib/jobs/job-schedulers';
import type { RealtimeEmitter } from '../lib/realtime/emit';

export interface WorkerContext {
  connection: Redis;
  emitter: RealtimeEmitter;
  schedulers: Pick<JobSchedulers, 'schedule'>;
}

export interface RunningWorker {
  close: () => Promise<void>;
}
