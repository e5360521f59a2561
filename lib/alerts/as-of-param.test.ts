import { describe, expect, it } from 'vitest';
import { asOfFromPicker, asOfParam, parseAsOf } from './as-of-param';

const NOW = new Date('2026-12-07T18:00:00+08:00');

describe('parseAsOf', () => {
  it('reads an instant with an offset', () => {
    expect(parseAsOf('2026-11-30T18:00:00+08:00', NOW)).toEqual({ ok: true, at: new Date('2026-11-30T10:00:00Z') });
    expect(parseAsOf('2026-11-30T10:00Z', NOW)).toEqual({ ok: true, at: new Date('2026-11-30T10:00:00Z') });
  });

  it('reads a bare day as its 24:00 in Asia/Shanghai', () => {
    expect(parseAsOf('2026-11-30', NOW)).toEqual({ ok: true, at: new Date('2026-12-01T00:00:00+08:00') });
  });

  it('takes back the "+" an address bar turned into a space', () => {
    expect(parseAsOf('2026-11-30T18:00:00 08:00', NOW)).toEqual({ ok: true, at: new Date('2026-11-30T10:00:00Z') });
  });

  it('refuses the future, today as a bare day, and what it cannot read, in zh-CN', () => {
    expect(parseAsOf('2026-12-07T18:00:01+08:00', NOW)).toEqual({ ok: false, message: '回看时间不能晚于当前时间' });
    expect(parseAsOf('2026-12-07', NOW)).toEqual({ ok: false, message: '回看时间不能晚于当前时间（只写日期表示当天 24:00）' });
    expect(parseAsOf('last month', NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/^回看时间无效：/) });
    expect(parseAsOf('2026-11-30T18:00', NOW)).toEqual({ ok: false, message: '回看时间无效：缺少时区，请写明如 +08:00 或 Z' });
    expect(parseAsOf('2026-02-30T18:00+08:00', NOW)).toEqual({ ok: false, message: '回看时间无效：日期 2026-02-30 不存在' });
  });
});

describe('asOfParam / asOfFromPicker', () => {
  it('writes the moment in Asia/Shanghai with its offset, and reads back the same instant', () => {
    const at = new Date('2026-11-30T10:05:07Z');
    expect(asOfParam(at)).toBe('2026-11-30T18:05:07+08:00');
    expect(parseAsOf(asOfParam(at), NOW)).toEqual({ ok: true, at });
  });

  it('reads a picked day and minute as Asia/Shanghai wall-clock time', () => {
    expect(asOfFromPicker('2026-11-30 18:05')).toBe('2026-11-30T18:05:00+08:00');
  });
});
