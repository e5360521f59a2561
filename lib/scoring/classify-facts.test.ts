import { describe, expect, it } from 'vitest';
import { classifyAlertResponse, classifyBacklog, classifyObligation, classifyPublishedItem, classifyRequestReply, formatDeadline } from './classify-facts';
import { DEFAULT_WEIGHTS } from './weights';

const at = (local: string) => new Date(`${local}+08:00`);
// due at the end of 30 November (the worked example of DESIGN §1)
const obligation = { id: 1, itemId: 11, entryName: '环评审批结果', dueAt: at('2026-12-01T00:00:00'), fulfilledAt: null as Date | null };

describe('classifyObligation', () => {
  it('is not a case before its deadline while unfulfilled', () => {
    expect(classifyObligation(obligation, at('2026-11-30T23:59:00'))).toBeNull();
  });

  it('passes when fulfilled by 24:00 of the due day, even before the deadline arrives', () => {
    const onTime = { ...obligation, fulfilledAt: at('2026-11-30T23:59:59') };
    expect(classifyObligation(onTime, at('2026-11-10T00:00:00'))).toBeNull();
    expect(classifyObligation(onTime, at('2026-12-02T00:00:00'))).toEqual({ failure: null });
    expect(classifyObligation({ ...obligation, fulfilledAt: at('2026-11-20T10:00:00') }, at('2026-11-21T00:00:00'))).toEqual({
      failure: null,
    });
  });

  it('fails once overdue and unfulfilled, and when fulfilled late, pointing at the obligation and its item', () => {
    const overdue = classifyObligation(obligation, at('2026-12-01T00:00:00'));
    expect(overdue?.failure).toMatchObject({ kind: 'obligation', id: 1, itemId: 11 });
    expect(overdue?.failure?.label).toBe('「环评审批结果」应于 2026-11-30 24:00 前公开，至今未公开（超期）');
    const late = classifyObligation({ ...obligation, fulfilledAt: at('2026-12-16T09:00:00') }, at('2026-12-20T00:00:00'));
    expect(late?.failure?.label).toBe('「环评审批结果」应于 2026-11-30 24:00 前公开，2026-12-16 09:00 才公开（逾期）');
  });
});

describe('classifyBacklog', () => {
  it('fails in a later month, saying it is still not published, or when it was published that month', () => {
    expect(classifyBacklog(obligation, at('2027-01-15T00:00:00')).failure).toEqual({
      kind: 'obligation',
      id: 1,
      itemId: 11,
      complaintId: null,
      label: '「环评审批结果」应于 2026-11-30 24:00 前公开，积压至本月仍未公开',
    });
    const publishedLater = { ...obligation, fulfilledAt: at('2027-01-10T09:00:00') };
    expect(classifyBacklog(publishedLater, at('2027-01-15T00:00:00')).failure.label).toBe(
      '「环评审批结果」应于 2026-11-30 24:00 前公开，积压至本月，2027-01-10 09:00 才公开',
    );
    // read as of a moment before the publication: still open then
    expect(classifyBacklog(publishedLater, at('2027-01-05T00:00:00')).failure.label).toMatch(/积压至本月仍未公开$/);
  });
});

describe('formatDeadline', () => {
  it('shows the due day, not the next midnight', () => {
    expect(formatDeadline(at('2026-12-01T00:00:00'))).toBe('2026-11-30 24:00');
  });
});

describe('classifyPublishedItem', () => {
  it('fails an item that had a completeness alert, pointing at the alert and the item', () => {
    expect(classifyPublishedItem({ id: 5, title: 'T', defectAlertId: null, defectMessage: null })).toEqual({ failure: null });
    expect(classifyPublishedItem({ id: 5, title: 'T', defectAlertId: 9, defectMessage: '缺少索引号' }).failure).toMatchObject({
      kind: 'alert',
      id: 9,
      itemId: 5,
      label: '「T」发布时不完整：缺少索引号',
    });
  });
});

describe('classifyAlertResponse', () => {
  const alert = {
    id: 3,
    itemId: 4,
    complaintId: null,
    message: '临期',
    openedAt: at('2026-11-26T00:00:00'),
    acknowledgedAt: null as Date | null,
    resolvedAt: null as Date | null,
  };

  it('is not a case while its acknowledgement time is running', () => {
    expect(classifyAlertResponse(alert, DEFAULT_WEIGHTS, at('2026-11-26T23:00:00'))).toBeNull();
  });

  it('passes when acknowledged within 24 hours and still inside the resolve time, or resolved quickly', () => {
    const acked = { ...alert, acknowledgedAt: at('2026-11-26T09:00:00') };
    expect(classifyAlertResponse(acked, DEFAULT_WEIGHTS, at('2026-11-28T00:00:00'))).toEqual({ failure: null });
    const autoResolved = { ...alert, resolvedAt: at('2026-11-26T00:05:00') };
    expect(classifyAlertResponse(autoResolved, DEFAULT_WEIGHTS, at('2026-11-26T01:00:00'))).toEqual({ failure: null });
  });

  it('fails when nobody acknowledged it within 24 hours', () => {
    const result = classifyAlertResponse(alert, DEFAULT_WEIGHTS, at('2026-11-27T00:00:00'));
    expect(result?.failure).toMatchObject({ kind: 'alert', id: 3, itemId: 4, label: '预警「临期」24 小时内未签收' });
  });

  it('fails when acknowledged in time but not resolved within 240 hours', () => {
    const acked = { ...alert, acknowledgedAt: at('2026-11-26T09:00:00') };
    expect(classifyAlertResponse(acked, DEFAULT_WEIGHTS, at('2026-12-06T00:00:00'))).toEqual({ failure: null });
    expect(classifyAlertResponse(acked, DEFAULT_WEIGHTS, at('2026-12-06T00:00:01'))?.failure?.label).toBe(
      '预警「临期」240 小时内未处置',
    );
  });
});

describe('classifyRequestReply (依申请公开按时答复率)', () => {
  // received Mon 2026-11-02, due 2026-11-30 24:00 (the Art. 33 example of issue 13)
  const request = { id: 5, trackingCode: 'Y2026ABCD', dueAt: at('2026-12-01T00:00:00'), repliedAt: null as Date | null, withdrawnAt: null as Date | null };

  it('is not a case while its deadline is still ahead and it is unanswered', () => {
    expect(classifyRequestReply(request, at('2026-11-30T23:59:00'))).toBeNull();
  });

  it('passes when answered by 24:00 of the due day, as soon as it is answered', () => {
    expect(classifyRequestReply({ ...request, repliedAt: at('2026-11-30T23:00:00') }, at('2026-11-30T23:30:00'))).toEqual({ failure: null });
    // a reply recorded after asOf does not count yet
    expect(classifyRequestReply({ ...request, repliedAt: at('2026-11-20T10:00:00') }, at('2026-11-19T10:00:00'))).toBeNull();
  });

  it('fails when answered late or not answered by the deadline, pointing at the request', () => {
    const overdue = classifyRequestReply(request, at('2026-12-01T00:00:00'));
    expect(overdue?.failure).toMatchObject({ kind: 'request', id: 5, requestId: 5, itemId: null, complaintId: null });
    expect(overdue?.failure?.label).toBe('依申请公开 Y2026ABCD 应于 2026-11-30 24:00 前答复，至今未答复（超期）');
    const late = classifyRequestReply({ ...request, repliedAt: at('2026-12-03T09:00:00') }, at('2026-12-10T00:00:00'));
    expect(late?.failure?.label).toBe('依申请公开 Y2026ABCD 应于 2026-11-30 24:00 前答复，2026-12-03 09:00 才答复（逾期）');
  });

  it('owes no reply once withdrawn before the deadline, but a withdrawal after it does not undo the lateness', () => {
    expect(classifyRequestReply({ ...request, withdrawnAt: at('2026-11-25T10:00:00') }, at('2026-12-10T00:00:00'))).toBeNull();
    const late = classifyRequestReply({ ...request, withdrawnAt: at('2026-12-02T10:00:00') }, at('2026-12-10T00:00:00'));
    expect(late?.failure?.label).toBe('依申请公开 Y2026ABCD 应于 2026-11-30 24:00 前答复，逾期未答复，申请人已撤回');
  });
});
