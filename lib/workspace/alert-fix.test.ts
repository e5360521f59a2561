import { describe, expect, it } from 'vitest';
import { alertFix, publishFormHref, type FixableAlert } from './alert-fix';

const alert = (over: Partial<FixableAlert> & Pick<FixableAlert, 'rule'>): FixableAlert => ({
  details: {},
  itemId: null,
  complaintId: null,
  obligationEntryId: null,
  ...over,
});

describe('alertFix', () => {
  it('asks to publish the formed item of an overdue event-triggered obligation', () => {
    expect(alertFix(alert({ rule: { id: 1, kind: 'deadline' }, itemId: 42, obligationEntryId: 7 }))).toEqual({
      kind: 'publish',
      label: '发布该信息',
      href: '/workspace/publish?item=42',
    });
  });

  it('asks to publish a new item under the entry of an overdue period obligation', () => {
    expect(alertFix(alert({ rule: { id: 1, kind: 'deadline' }, obligationEntryId: 7 }))).toEqual({
      kind: 'publish',
      label: '发布本期信息',
      href: '/workspace/publish?entry=7',
    });
  });

  it('names each element a completeness finding lacks, once, and opens the item to correct it', () => {
    const details = {
      findings: [
        { element: 'indexNo', problem: 'malformed', message: '索引号格式应为…' },
        { element: 'fields.三公经费表', problem: 'missing', message: '缺少三公经费表' },
        { element: 'attachments', problem: 'missing', message: '附件“表一”缺少名称' },
        { element: 'attachments', problem: 'malformed', message: '附件“表一”的链接地址应为完整的 http(s) 网址' },
      ],
    };
    expect(alertFix(alert({ rule: { id: 2, kind: 'completeness' }, itemId: 5, details }))).toEqual({
      kind: 'complete',
      label: '补全要素：索引号、三公经费表、附件',
      elements: ['indexNo', 'fields.三公经费表', 'attachments'],
      href: '/workspace/publish?item=5',
    });
  });

  it('names the channels an item is missing', () => {
    expect(alertFix(alert({ rule: { id: 3, kind: 'channel' }, itemId: 5, details: { missing: ['weibo', 'bulletin'] } }))).toEqual({
      kind: 'add_channel',
      label: '补发渠道：政务微博、公开栏',
      channels: ['weibo', 'bulletin'],
      href: '/workspace/publish?item=5',
    });
  });

  it('reads details it does not recognise as nothing named, not as a crash', () => {
    expect(alertFix(alert({ rule: { id: 2, kind: 'completeness' }, itemId: 5, details: { findings: 'x' } })).label).toBe('补全要素');
    expect(alertFix(alert({ rule: { id: 3, kind: 'channel' }, itemId: 5, details: { missing: [1, null] } })).label).toBe('补发渠道');
  });

  it('sends a complaint alert to the complaint, named by the step that is late', () => {
    const fix = (phase: string) => alertFix(alert({ rule: { id: 4, kind: 'complaint_sla' }, complaintId: 9, details: { phase } }));
    expect(fix('accept')).toEqual({ kind: 'complaint', label: '签收投诉件', href: '/complaints/9' });
    expect(fix('reply').label).toBe('答复投诉件');
    // not yet dispatched: the department has nothing to do and cannot open it
    expect(fix('assign')).toEqual({ kind: 'wait', label: '待投诉处理人员派单', href: null });
  });
});

describe('publishFormHref', () => {
  it('asks to publish what a complaint found 属实 was about: the named item, else a new item under the entry', () => {
    const substantiated = { id: 1, kind: 'complaint_substantiated' as const };
    expect(alertFix(alert({ rule: substantiated, itemId: 42, complaintId: 9, details: { catalogEntryId: 7, itemId: 42 } })).href).toBe(
      '/workspace/publish?item=42',
    );
    expect(alertFix(alert({ rule: substantiated, complaintId: 9, details: { catalogEntryId: 7, itemId: null } }))).toEqual({
      kind: 'publish',
      label: '公开投诉所涉信息',
      href: '/workspace/publish?entry=7',
    });
  });

  it('opens an empty form, an entry or an item', () => {
    expect(publishFormHref(null)).toBe('/workspace/publish');
    expect(publishFormHref({ entryId: 3 })).toBe('/workspace/publish?entry=3');
    expect(publishFormHref({ itemId: 4 })).toBe('/workspace/publish?item=4');
  });
});
