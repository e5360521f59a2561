// score queue: recompute the department-months an event touched, and nightly the running and last month
// in full (02:30 Asia/Shanghai); push score:updated for every score that changed. Department-month jobs are
// recomputed in batches (lib/jobs/batcher.ts): every job waiting at once goes into one set-based pass per
// month, so touches across many departments cost a few passes, not one each.
import { now } from '../lib/clock';
import { sql } from '../lib/db/sql';
import { createBatcher } from '../lib/jobs/batcher';
import { defineJob } from '../lib/jobs/define-job';
import { SCORE_QUEUE } from '../lib/jobs/queues';
import { emitToRooms } from '../lib/realtime/emit';
import { roomsForSubject } from '../lib/realtime/rooms';
import { recomputeDepartmentMonths } from '../lib/scoring/store/locked-recompute';
import type { ScoreChange } from '../lib/scoring/store/recompute-scores';
import { scoreDepartmentMonthJob, scoreMonthJob } from '../lib/scoring/store/score-job';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

// Jobs fetched at once: a batch gathers what arrived while the previous one ran. A pass holds every fact of
// its department-months in memory at once, so it takes 16 of them, not 64: in the 30-minute soak, passes of
// 64 busy department-months swung a worker's RSS between 230 and 410 MB, and the swing grew as the month filled.
const SCORE_CONCURRENCY = 64;
const SCORE_BATCH = { maxSize: 16, maxInFlight: 1 };

export async function startScoreWorker({ connection, emitter, schedulers }: WorkerContext): Promise<RunningWorker> {
  await schedulers.schedule({
    queue: SCORE_QUEUE,
    id: 'score-nightly',
    repeat: { pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
    template: { name: scoreMonthJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  const push = (changes: readonly ScoreChange[]) => {
    for (const change of changes) {
      emitToRooms(emitter, roomsForSubject(change.regionPath, change.departmentId), 'score:updated', change);
    }
    return changes.length;
  };
  const batches = createBatcher(async (touches: { departmentId: number; period: string }[]) => push(await recomputeDepartmentMonths(sql, touches, now())), SCORE_BATCH);
  return startJobWorker(
    { connection },
    {
      queue: SCORE_QUEUE,
      jobs: [
        defineJob({ ...scoreDepartmentMonthJob, handle: (payload) => batches.add(payload) }),
        defineJob({ ...scoreMonthJob, handle: async (payload, job) => push(await scoreMonthJob.handle(payload, job)) }),
      ],
      concurrency: SCORE_CONCURRENCY,
      summarize: (changed) => ({ changed }),
    },
  );
}
