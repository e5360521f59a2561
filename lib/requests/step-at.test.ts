import { describe, expect, it } from 'vitest';
import { resolveStepAt } from './step-at';

const at = (iso: string) => new Date(iso);
const previous = at('2026-11-16T10:00:00+08:00');
const now = at('2026-11-18T15:00:00+08:00');

describe('resolveStepAt', () => {
  it('is now when not given', () => {
    expect(resolveStepAt(undefined, previous, now)).toEqual({ ok: true, at: now });
  });

  it('takes a moment between the previous step and now', () => {
    expect(resolveStepAt({ instant: at('2026-11-17T09:00:00+08:00') }, previous, now)).toEqual({ ok: true, at: at('2026-11-17T09:00:00+08:00') });
  });

  it('refuses a moment in the future or before the previous step', () => {
    expect(resolveStepAt({ instant: at('2026-11-18T15:00:01+08:00') }, previous, now, '答复的时间')).toEqual({
      ok: false,
      message: '答复的时间不能晚于当前时间',
    });
    expect(resolveStepAt({ instant: at('2026-11-16T09:59:00+08:00') }, previous, now)).toMatchObject({ ok: false });
    expect(resolveStepAt({ day: '2026-11-15' }, previous, now)).toMatchObject({ ok: false });
    expect(resolveStepAt({ day: '2026-11-19' }, previous, now)).toEqual({ ok: false, message: '时间不能晚于今天' });
  });

  it('reads a bare date as that day: its start, the previous step when that was later the same day, now for today', () => {
    expect(resolveStepAt({ day: '2026-11-17' }, previous, now)).toEqual({ ok: true, at: at('2026-11-17T00:00:00+08:00') });
    expect(resolveStepAt({ day: '2026-11-16' }, previous, now)).toEqual({ ok: true, at: previous });
    expect(resolveStepAt({ day: '2026-11-18' }, previous, now)).toEqual({ ok: true, at: now });
  });
});
