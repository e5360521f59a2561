import { describe, expect, it } from 'vitest';
import { ingestFieldErrors, ingestPayloadSchema, parseInstant } from './ingest-schema';

const valid = {
  externalId: 'HB-2026-0001',
  catalogCode: 'HJBH-001',
  title: '关于某项目环境影响报告书的批复',
  formedAt: '2026-11-02T10:00:00+08:00',
  channels: ['website', 'open_platform'],
};

function errorsOf(payload: unknown): Record<string, string> {
  const result = ingestPayloadSchema.safeParse(payload);
  if (result.success) throw new Error('expected a refusal');
  return ingestFieldErrors(result.error);
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('ingestPayloadSchema', () => {
  it('accepts the minimal payload and normalizes it', () => {
    const result = ingestPayloadSchema.parse({ ...valid, externalId: '  HB-2026-0001 ', summary: '  ', url: null });
    expect(result).toEqual({
      externalId: 'HB-2026-0001',
      catalogCode: 'HJBH-001',
      title: '关于某项目环境影响报告书的批复',
      formedAt: new Date('2026-11-02T02:00:00Z'),
      channels: ['website', 'open_platform'],
      fields: {},
      attachments: [],
      steps: [],
    });
  });

  it('accepts every optional field, and keeps the body’s own leading spaces', () => {
    const result = ingestPayloadSchema.parse({
      ...valid,
      publishedAt: '2026-11-05T09:30:00Z',
      eventAt: '2026-12-01',
      url: 'https://example.gov.cn/a.html',
      indexNo: '013050001/2026-00001',
      docNo: '宁环建〔2026〕1号',
      publisher: '南京市建邺区生态环境局',
      summary: '批复',
      body: '　　正文第一段。',
      fields: { 三公经费表: '见附件' },
      attachments: [{ name: '批复.pdf', url: 'https://example.gov.cn/a.pdf' }, { name: '空表', url: '', note: '本年度无此项支出' }],
    });
    expect(result.publishedAt).toEqual(new Date('2026-11-05T09:30:00Z'));
    expect(result.eventAt).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(result.body).toBe('　　正文第一段。');
    expect(result.attachments[1]).toEqual({ name: '空表', url: '', note: '本年度无此项支出' });
  });

  it('names each missing required field in zh-CN', () => {
    const fields = errorsOf({});
    expect(Object.keys(fields).sort()).toEqual(['catalogCode', 'channels', 'externalId', 'formedAt', 'title']);
    expect(fields.title).toBe('请填写标题（title）');
    for (const message of Object.values(fields)) expect(hasChinese(message)).toBe(true);
  });

  it('names each field of the wrong type in zh-CN', () => {
    const fields = errorsOf({
      externalId: 1,
      catalogCode: ['x'],
      title: { text: 't' },
      formedAt: 20261102,
      publishedAt: true,
      channels: 'website',
      url: 5,
      indexNo: 1,
      docNo: 1,
      publisher: 1,
      summary: 1,
      body: 1,
      fields: [],
      attachments: {},
    });
    expect(Object.keys(fields).sort()).toEqual(
      ['attachments', 'body', 'catalogCode', 'channels', 'docNo', 'externalId', 'fields', 'formedAt', 'indexNo',
        'publishedAt', 'publisher', 'summary', 'title', 'url'].sort(),
    );
    expect(fields.externalId).toBe('外部编号（externalId）必须是字符串');
    for (const message of Object.values(fields)) expect(hasChinese(message)).toBe(true);
  });

  it('refuses dates that do not exist, times without an offset, and non-ISO text', () => {
    expect(errorsOf({ ...valid, formedAt: '2026-02-30' }).formedAt).toBe('信息形成时间（formedAt）：日期 2026-02-30 不存在');
    expect(errorsOf({ ...valid, formedAt: '2026-02-30T10:00:00+08:00' }).formedAt).toMatch(/不存在/);
    expect(errorsOf({ ...valid, formedAt: '2025-02-29' }).formedAt).toMatch(/不存在/);
    expect(errorsOf({ ...valid, formedAt: '2026-13-01' }).formedAt).toMatch(/不存在/);
    expect(errorsOf({ ...valid, publishedAt: '2026-11-02T25:00:00+08:00' }).publishedAt).toMatch(/不存在/);
    expect(errorsOf({ ...valid, publishedAt: '2026-11-02T10:00:00' }).publishedAt).toMatch(/缺少时区/);
    expect(errorsOf({ ...valid, eventAt: '2026/11/02' }).eventAt).toMatch(/ISO 8601/);
    expect(errorsOf({ ...valid, eventAt: 'next monday' }).eventAt).toMatch(/ISO 8601/);
  });

  it('caps lengths: a 1 MB title is a 400 with a message, not an exception', () => {
    expect(errorsOf({ ...valid, title: 'x'.repeat(501) }).title).toBe('标题（title）不能超过 500 个字符');
    expect(errorsOf({ ...valid, title: '标'.repeat(1_000_000) }).title).toBe('标题（title）不能超过 500 个字符');
    expect(errorsOf({ ...valid, title: '   ' }).title).toBe('请填写标题（title）');
    expect(errorsOf({ ...valid, externalId: 'x'.repeat(129) }).externalId).toMatch(/128/);
    expect(errorsOf({ ...valid, attachments: Array.from({ length: 101 }, () => ({ name: 'a', url: 'b' })) }).attachments).toMatch(
      /最多 100/,
    );
  });

  it('takes channels from the 9 known names, without repeats', () => {
    expect(errorsOf({ ...valid, channels: ['website', 'fax'] })['channels.1']).toMatch(/^公开渠道只能是 website（政府网站）/);
    expect(errorsOf({ ...valid, channels: ['website', 'website'] }).channels).toBe('公开渠道重复：website');
    expect(ingestPayloadSchema.parse({ ...valid, channels: [] }).channels).toEqual([]);
  });

  it('refuses unknown keys, naming each one, at the top and inside attachments', () => {
    const result = ingestPayloadSchema.safeParse({ ...valid, tittle: 'typo', extra: 1, attachments: [{ name: 'a', url: 'b', size: 3 }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(ingestFieldErrors(result.error)).toEqual({ tittle: '不支持的字段', extra: '不支持的字段', 'attachments.0.size': '不支持的字段' });
    expect(result.error.issues.map((issue) => issue.message)).toContain('请求体不支持的字段：tittle、extra');
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'text', 42]) expect(errorsOf(body)).toEqual({ _: '请求体必须是 JSON 对象' });
  });

  it('takes extension fields as name → text', () => {
    expect(errorsOf({ ...valid, fields: { 表一: 1 } })['fields.表一']).toBe('扩展字段的值必须是字符串');
    expect(ingestPayloadSchema.parse({ ...valid, fields: null }).fields).toEqual({});
  });
});

describe('parseInstant', () => {
  it('reads a bare date as 00:00 Asia/Shanghai', () => {
    expect(parseInstant('2026-11-02')).toEqual({ ok: true, date: new Date('2026-11-02T00:00:00+08:00') });
  });

  it('reads offsets in every ISO 8601 form, and fractions of a second', () => {
    const instant = new Date('2026-11-02T02:00:00Z');
    for (const text of ['2026-11-02T10:00:00+08:00', '2026-11-02T10:00+0800', '2026-11-02T10:00:00+08', '2026-11-02T02:00:00Z', '2026-11-01T21:00:00-05:00']) {
      expect(parseInstant(text)).toEqual({ ok: true, date: instant });
    }
    expect(parseInstant('2026-11-02T02:00:00.123456Z')).toEqual({ ok: true, date: new Date('2026-11-02T02:00:00.123Z') });
  });

  it('refuses rollovers instead of shifting the day', () => {
    for (const text of ['2026-02-29', '2026-04-31', '2026-11-02T24:00:00Z', '2026-11-02T10:60:00Z', '2026-11-02T10:00:60Z', '2026-11-02T10:00:00+15:00']) {
      expect(parseInstant(text).ok).toBe(false);
    }
    expect(parseInstant('2024-02-29').ok).toBe(true);
  });

  it('keeps to the years the working-day calendar covers', () => {
    expect(parseInstant('1999-12-31').ok).toBe(false);
    expect(parseInstant('2101-01-01').ok).toBe(false);
  });
});
