import { describe, expect, it } from 'vitest';
import { subjectTitle, type SubjectFacts } from './subject-title';

const none: Omit<SubjectFacts, 'type' | 'id'> = { itemTitle: null, entryName: null, periodKey: null, trackingCode: null, complaintContent: null };

describe('subjectTitle', () => {
  it('names an item alert by the item’s title', () => {
    expect(subjectTitle({ ...none, type: 'item', id: 7, itemTitle: '2026年11月财政资金直达基层情况公示' })).toBe('2026年11月财政资金直达基层情况公示');
  });

  it('names a periodic obligation by its period and entry, and an item’s obligation by its entry and item', () => {
    expect(subjectTitle({ ...none, type: 'obligation', id: 3, entryName: '财政资金直达基层情况', periodKey: '2026-11' })).toBe('2026年11月 财政资金直达基层情况');
    expect(subjectTitle({ ...none, type: 'obligation', id: 3, entryName: '年度报告', periodKey: '2025' })).toBe('2025年度 年度报告');
    expect(subjectTitle({ ...none, type: 'obligation', id: 4, entryName: '行政许可结果', itemTitle: '关于准予某公司排污许可的决定' })).toBe(
      '行政许可结果：关于准予某公司排污许可的决定',
    );
  });

  it('names a complaint by its tracking code and the start of its content, on one line', () => {
    const content = '我在网站上找不到2026年第三季度的\n财政预算执行情况，请尽快公开，并说明为什么晚了这么久';
    expect(subjectTitle({ ...none, type: 'complaint', id: 9, trackingCode: 'TS20261201001', complaintContent: content })).toBe(
      'TS20261201001 我在网站上找不到2026年第三季度的 财政预算执…',
    );
    expect(subjectTitle({ ...none, type: 'complaint', id: 9, trackingCode: 'TS20261201001', complaintContent: '尚未公开' })).toBe('TS20261201001 尚未公开');
  });

  it('falls back to the kind and id when the subject’s row is gone', () => {
    expect(subjectTitle({ ...none, type: 'item', id: 5 })).toBe('公开信息 #5');
    expect(subjectTitle({ ...none, type: 'complaint', id: 6 })).toBe('投诉 #6');
  });
});
