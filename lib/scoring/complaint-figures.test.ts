import { describe, expect, it } from 'vitest';
import { complaintFigures, type ComplaintCase } from '../complaints/scoring-figures';

const at = new Date('2026-11-05T09:00:00+08:00');
const complaint = (id: number, positionId: number | null, outcome: Pick<ComplaintCase, 'acceptedInTime' | 'repliedInTime' | 'satisfied'>): ComplaintCase => ({
  complaintId: id,
  trackingCode: `T${id}`,
  departmentId: 7,
  positionId,
  receivedAt: at,
  acceptDueAt: at,
  acceptedAt: at,
  replyDueAt: at,
  repliedAt: at,
  ...outcome,
});

describe('complaintFigures', () => {
  it('rates a department and each of its positions over the decided cases only', () => {
    const figures = complaintFigures([
      complaint(1, 3, { acceptedInTime: true, repliedInTime: true, satisfied: true }),
      complaint(2, 3, { acceptedInTime: false, repliedInTime: null, satisfied: null }),
      complaint(3, null, { acceptedInTime: true, repliedInTime: false, satisfied: false }),
      complaint(4, null, { acceptedInTime: true, repliedInTime: true, satisfied: null }),
    ]);
    expect(figures).toEqual([
      {
        departmentId: 7,
        positionId: null,
        acceptInTime: { cases: 4, passed: 3, rate: 0.75 },
        replyInTime: { cases: 3, passed: 2, rate: 2 / 3 },
        satisfaction: { cases: 2, passed: 1, rate: 0.5 },
      },
      {
        departmentId: 7,
        positionId: 3,
        acceptInTime: { cases: 2, passed: 1, rate: 0.5 },
        replyInTime: { cases: 1, passed: 1, rate: 1 },
        satisfaction: { cases: 1, passed: 1, rate: 1 },
      },
    ]);
  });

  it('has no rate without cases', () => {
    expect(complaintFigures([complaint(1, null, { acceptedInTime: null, repliedInTime: null, satisfied: null })])[0]!.satisfaction).toEqual({
      cases: 0,
      passed: 0,
      rate: null,
    });
  });
});
