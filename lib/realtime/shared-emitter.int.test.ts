// The web process's emitter on a Redis of this file's own, stopped under it: a push while Redis is away
// returns at once, throws nothing and leaves no unhandled rejection (vitest fails a file that has one), and
// pushes reach subscribers again once Redis is back.
import { Redis } from 'ioredis';
import type { ScoreChange } from '../scoring/store/recompute-scores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../testing/private-services';
import { waitUntil } from '../testing/wait-until';

let redis: PrivateRedis;
let subscriber: Redis;
const received: string[] = [];
let lib: {
  sharedEmitter: typeof import('./shared-emitter').sharedEmitter;
  closeSharedEmitter: typeof import('./shared-emitter').closeSharedEmitter;
  emitToRooms: typeof import('./emit').emitToRooms;
  socketChannelKey: typeof import('./emit').socketChannelKey;
};

const ROOM = 'region:320000';

beforeAll(async () => {
  redis = await startPrivateRedis();
  // read once by lib/env.ts: set before the application's modules load
  process.env.REDIS_URL = redis.url;
  const [shared, emit] = await Promise.all([import('./shared-emitter'), import('./emit')]);
  lib = { ...shared, ...emit };
  subscriber = new Redis(redis.url, { retryStrategy: () => 100 });
  subscriber.on('error', () => {});
  subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer) => received.push(channel.toString()));
  await subscriber.psubscribe(`${lib.socketChannelKey()}*`);
}, 60_000);

afterAll(async () => {
  lib?.closeSharedEmitter();
  subscriber?.disconnect();
  await redis?.close();
});

const SCORE: ScoreChange = {
  subjectType: 'department',
  departmentId: 1,
  positionId: null,
  regionId: '320000',
  regionPath: '320000',
  period: '2026-11',
  total: 90,
};
const push = () => lib.emitToRooms(lib.sharedEmitter(), [ROOM], 'score:updated', SCORE);

describe('the web emitter', () => {
  it('pushes, drops pushes at once while Redis is away, and pushes again once it is back', async () => {
    push();
    await waitUntil(() => received.length === 1, 'the first push');

    await redis.stop();
    const started = Date.now();
    for (let n = 0; n < 20; n += 1) expect(push).not.toThrow();
    expect(Date.now() - started).toBeLessThan(100);

    await redis.start();
    // what was dropped stays dropped (no queue grows in memory through an outage): nothing arrives once the
    // emitter has reconnected (within a second)
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = received.length;
    expect(before).toBe(1);
    // the emitter's connection comes back within a second; pushes sent before that are dropped
    await waitUntil(
      () => {
        if (received.length === before) push();
        return received.length > before;
      },
      'a push after the restart',
      5_000,
    );
  });
});
