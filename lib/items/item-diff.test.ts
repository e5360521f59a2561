import { describe, expect, it } from 'vitest';
import { diffItems, diffLabel, MAX_DIFF_TEXT_LENGTH, type ItemSnapshot } from './item-diff';

const base: ItemSnapshot = {
  title: '标题',
  indexNo: '013050001/2026-00001',
  docNo: null,
  body: '正文',
  channels: ['website'],
  fields: { 表一: '内容' },
  attachments: [{ name: 'a.pdf', url: 'https://x/a.pdf' }],
  formedAt: new Date('2026-11-02T02:00:00Z'),
  publishedAt: null,
};

describe('diffItems', () => {
  it('is empty for equal snapshots, undefined and null alike', () => {
    expect(diffItems(base, { ...base, docNo: undefined, url: undefined })).toEqual({});
  });

  it('lists each changed field with before and after', () => {
    const diff = diffItems(base, {
      ...base,
      title: '新标题',
      docNo: '宁环〔2026〕1号',
      channels: ['website', 'wechat'],
      fields: { 表二: '新' },
      attachments: [],
      publishedAt: new Date('2026-11-05T01:00:00Z'),
    });
    expect(diff).toEqual({
      title: { before: '标题', after: '新标题' },
      docNo: { before: null, after: '宁环〔2026〕1号' },
      publishedAt: { before: null, after: '2026-11-05T01:00:00.000Z' },
      channels: { before: ['website'], after: ['website', 'wechat'] },
      'fields.表一': { before: '内容', after: null },
      'fields.表二': { before: null, after: '新' },
      attachments: { before: [{ name: 'a.pdf', url: 'https://x/a.pdf' }], after: [] },
    });
    expect(Object.keys(diff).map(diffLabel)).toEqual(['标题', '文号', '发布时间', '公开渠道', '表一', '表二', '附件']);
  });

  it('keeps only the start of a long text', () => {
    const diff = diffItems(base, { ...base, body: '文'.repeat(MAX_DIFF_TEXT_LENGTH + 10) });
    expect(diff.body?.after).toBe(`${'文'.repeat(MAX_DIFF_TEXT_LENGTH)}…`);
  });
});
