// What every worker file receives from workers/index.ts: one BullMQ connection and the realtime emitter.
import type { Redis } from 'ioredis';
import type { RealtimeEmitter } from '../lib/realtime/emit';

export interface WorkerContext {
  connection: Redis;
  emitter: RealtimeEmitter;
}

export interface RunningWorker {
  close: () => Promise<void>;
}
