import { describe, expect, it } from 'vitest';
import { ingestPayloadSchema } from '../items/ingest-schema';
import { formFieldOf, publishPayload } from './publish-payload';

const DRAFT = {
  externalId: 'manual-20261203-ab12cd',
  catalogCode: 'JY-HB-001',
  title: '关于某项目环境影响报告表的批复',
  formedAt: '2026-11-02',
  channels: ['website'],
};

describe('publishPayload', () => {
  it('leaves blank elements, blank attachment rows and blank fields out, so ingest sees them as missing', () => {
    const payload = publishPayload({
      ...DRAFT,
      publishedAt: '2026-12-03T01:00:00.000Z',
      indexNo: '  ',
      body: '　　经审查，同意。',
      summary: null,
      attachments: [{ name: '', url: '' }, { name: '批复.pdf', url: 'https://example.gov.cn/a.pdf', note: '' }],
      fields: { 三公经费表: '', 收入预算表: '见附件' },
    });
    expect(payload).toEqual({
      ...DRAFT,
      publishedAt: '2026-12-03T01:00:00.000Z',
      body: '　　经审查，同意。',
      attachments: [{ name: '批复.pdf', url: 'https://example.gov.cn/a.pdf' }],
      fields: { 收入预算表: '见附件' },
    });
    // and it is a payload the one ingest schema accepts
    expect(ingestPayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('sends an unpublished draft without publishedAt', () => {
    expect(publishPayload({ ...DRAFT, publishedAt: null })).toEqual(DRAFT);
  });
});

describe('formFieldOf', () => {
  it('maps ingest error keys to the form’s fields', () => {
    expect(formFieldOf('title')).toEqual(['title']);
    expect(formFieldOf('catalogCode')).toEqual(['entryId']);
    expect(formFieldOf('formedAt')).toEqual(['formedDay']);
    expect(formFieldOf('eventAt')).toEqual(['eventDay']);
    expect(formFieldOf('attachments.1.url')).toEqual(['attachments', 1, 'url']);
    expect(formFieldOf('fields.三公经费表')).toEqual(['fields', '三公经费表']);
  });

  it('has no field for keys the form does not show', () => {
    for (const key of ['_', 'externalId', 'steps.0.at', 'attachments', 'fields', '']) expect(formFieldOf(key)).toBeNull();
  });
});
