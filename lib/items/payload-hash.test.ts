import { describe, expect, it } from 'vitest';
import { ingestPayloadSchema, itemContentHash } from './ingest-schema';
import { canonicalJson, payloadHash } from './payload-hash';

describe('payloadHash', () => {
  it('ignores key order at every depth and drops absent and null values', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: [1, { f: 2, e: undefined }] } })).toBe('{"a":{"c":[1,{"f":2}]},"b":1}');
    expect(payloadHash({ a: 1, b: 'x' })).toBe(payloadHash({ b: 'x', a: 1, c: null }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
  });

  it('hashes a normalized payload like the raw form the demo seeds hash (nulls, Dates), so resending a seeded item changes nothing', () => {
    const raw = {
      externalId: 'HJBH-001-20261102-1',
      catalogCode: 'HJBH-001',
      title: '标题',
      formedAt: '2026-11-02T10:00:00+08:00',
      publishedAt: null,
      channels: ['website'],
      attachments: [{ name: '表', url: 'https://x/a.pdf', note: '空表说明' }],
    };
    const normalized = ingestPayloadSchema.parse(raw);
    const asSeeded = {
      externalId: raw.externalId,
      catalogCode: raw.catalogCode,
      title: raw.title,
      formedAt: new Date(raw.formedAt),
      publishedAt: null,
      eventAt: null,
      channels: raw.channels,
      url: null,
      indexNo: null,
      docNo: null,
      publisher: null,
      summary: null,
      body: null,
      fields: {},
      attachments: raw.attachments,
    };
    // ingest hashes the item's content; the steps and the withdrawal a CMS reports are not part of it
    expect(itemContentHash(normalized)).toBe(payloadHash(asSeeded));
  });
});
