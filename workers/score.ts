// score queue: recompute the department-months an event touched, and nightly the running and last month
// in full (02:30 Asia/Shanghai); push score:updated for every score that changed.
import { Worker } from 'bullmq';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { SCORE_QUEUE } from '../lib/jobs/queues';
import { log } from '../lib/log';
import { emitToRooms } from '../lib/realtime/emit';
import { roomsForSubject } from '../lib/realtime/rooms';
import { scoreDepartmentMonthJob, scoreMonthJob } from '../lib/scoring/score-job';
import type { ScoreChange } from '../lib/scoring/recompute-scores';
import type { RunningWorker, WorkerContext } from './context';
import { deferWhileDatabaseDown } from './defer-while-database-down';

const SCORE_CONCURRENCY = 4;
const jobs = new Map<string, { process: (job: import('bullmq').Job) => Promise<ScoreChange[]> }>([
  [scoreDepartmentMonthJob.name, scoreDepartmentMonthJob],
  [scoreMonthJob.name, scoreMonthJob],
]);

export async function startScoreWorker({ connection, emitter, schedulers }: WorkerContext): Promise<RunningWorker> {
  await schedulers.schedule({
    queue: SCORE_QUEUE,
    id: 'score-nightly',
    repeat: { pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
    template: { name: scoreMonthJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  const worker = new Worker(
    SCORE_QUEUE,
    deferWhileDatabaseDown(async (job) => {
      const definition = jobs.get(job.name);
      if (!definition) throw new Error(`unknown job ${job.name}`);
      const changes = await definition.process(job);
      for (const change of changes) {
        emitToRooms(emitter, roomsForSubject(change.regionPath, change.departmentId), 'score:updated', change);
      }
      return { changed: changes.length };
    }),
    { connection, prefix: bullmqPrefix(), concurrency: SCORE_CONCURRENCY },
  );
  worker.on('error', (error) => log.error({ err: error.message, queue: SCORE_QUEUE }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ job: job?.id, err: error.message }, 'score failed'));
  return { close: () => worker.close() };
}
