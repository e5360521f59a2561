import { describe, expect, it } from 'vitest';
import { channelFinding } from './channel-rule';
import { completenessFinding } from './completeness-rule';
import type { JudgedItem } from './judged-item';
import type { Rule } from './rule';

const rule = (id: number, kind: Rule['kind'], params: Record<string, unknown>, extra: Partial<Rule> = {}): Rule =>
  ({ id, kind, name: `r${id}`, scopeRegionCode: '320000', scopeDomain: null, scopeEntryId: null, params, level: 'yellow', enabled: true, version: 1, ...extra }) as Rule;

describe('completenessFinding and channelFinding', () => {
  const item: JudgedItem = {
    regionPath: '320000.320100.320105',
    domain: 'environment',
    entryId: 7,
    orgCode: '013050001',
    departmentName: '南京市建邺区生态环境局',
    requiredElements: ['summary'],
    requiredChannels: ['website', 'open_platform'],
    channels: ['website'],
    indexNo: '013050001/2026-00001',
    publisher: '南京市建邺区生态环境局',
    summary: null,
    body: '正文',
    attachments: [],
    fields: {},
    formedAt: new Date('2026-11-02T10:00:00+08:00'),
    publishedAt: new Date('2026-11-03T10:00:00+08:00'),
    withdrawnAt: null,
  };

  it('finds a missing element and a missing channel while the rules are on, nothing once off', () => {
    const on = [rule(2, 'completeness', {}), rule(3, 'channel', {})];
    expect(completenessFinding(on, item)).toMatchObject({ rule: { id: 2 }, details: { findings: [{ element: 'summary', problem: 'missing' }] } });
    expect(channelFinding(on, item)).toEqual({ rule: on[1], message: '未在以下渠道发布：政府信息公开平台', details: { missing: ['open_platform'] } });
    const off = [rule(2, 'completeness', {}, { enabled: false }), rule(3, 'channel', {}, { enabled: false })];
    expect(completenessFinding(off, item)).toBeNull();
    expect(channelFinding(off, item)).toBeNull();
  });

  it('does not judge an unpublished item', () => {
    expect(completenessFinding([rule(2, 'completeness', {})], { ...item, publishedAt: null })).toBeNull();
    expect(channelFinding([rule(3, 'channel', {})], { ...item, publishedAt: null })).toBeNull();
  });
});

