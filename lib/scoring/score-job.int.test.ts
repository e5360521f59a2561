// Which department-months an event touches, and the score jobs they become: one per department-month per
// second, delayed past that second so every event of it lands on the one job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { closeQueues, getQueue } from '../jobs/producer';
import { SCORE_QUEUE } from '../jobs/queues';
import { enqueueScoreTouches, touchesForAlerts } from './score-job';
import { insertObligation, insertRedDeadlineAlert } from './test-fixtures';

let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

afterAll(async () => {
  await getQueue(SCORE_QUEUE).obliterate({ force: true });
  await closeQueues();
});

describe('score touches', () => {
  it('names the months an alert touches: opened, changed, its obligation’s due and severe months', async () => {
    const obligation = await insertObligation(sql, {
      entryId: world.entries.monthly.id,
      departmentId: world.department.id,
      regionCode: world.regions.county.code,
      dueDay: '2026-12-31',
    });
    // the fixture moves the deadline back to the severe instant: due 2026-10-30 24:00, severe 2026-10-31 00:00;
    // the alert was raised (and last changed) in January
    const alertId = await insertRedDeadlineAlert(sql, { obligationId: obligation, severeAt: '2026-10-31T00:00:00', openedAt: '2027-01-04T09:00:00' });
    const touches = await touchesForAlerts(sql, [alertId]);
    expect([...new Set(touches.map((t) => t.period))].sort()).toEqual(['2026-10', '2027-01']);
    expect(touches.every((t) => t.departmentId === world.department.id)).toBe(true);
  });

  it('turns a burst of touches into one delayed job per department-month', async () => {
    const queue = getQueue(SCORE_QUEUE);
    const touch = { departmentId: world.department.id, period: '2026-11' };
    await enqueueScoreTouches(queue, [touch, touch, { ...touch, period: '2026-10' }, touch]);
    const jobs = await queue.getDelayed();
    const ids = jobs.map((job) => job.id!).filter((id) => id.startsWith(`score-${world.department.id}-`));
    expect(ids.map((id) => id.replace(/-b\d+$/, '')).sort()).toEqual([`score-${world.department.id}-2026-10`, `score-${world.department.id}-2026-11`]);
    expect(jobs.find((job) => job.id === ids[0])!.data).toMatchObject({ departmentId: world.department.id });
  });
});
