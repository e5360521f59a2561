import { describe, expect, it } from 'vitest';
import { newTrackingCode, normalizeTrackingCode, TRACKING_ALPHABET, TRACKING_CODE_PATTERN } from './tracking-code';

describe('tracking codes (查询码)', () => {
  it('are three groups of four, without look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(TRACKING_CODE_PATTERN);
      expect(code).not.toMatch(/[01ILO]/);
    }
    expect(TRACKING_ALPHABET).toHaveLength(31);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 5_000 }, newTrackingCode));
    expect(codes.size).toBe(5_000);
  });

  it('read back whatever case, spaces and dashes the citizen typed', () => {
    expect(normalizeTrackingCode('7k3m q9tx 4hpa')).toBe('7K3M-Q9TX-4HPA');
    expect(normalizeTrackingCode(' 7K3MQ9TX4HPA ')).toBe('7K3M-Q9TX-4HPA');
    expect(normalizeTrackingCode('7K3M-Q9TX-4HPA')).toBe('7K3M-Q9TX-4HPA');
  });

  it('refuse anything that cannot be a code', () => {
    expect(normalizeTrackingCode('7K3M-Q9TX-4HP')).toBeNull();
    expect(normalizeTrackingCode('7K3M-Q9TX-4HPO')).toBeNull();
    expect(normalizeTrackingCode('<script>alert')).toBeNull();
    expect(normalizeTrackingCode('')).toBeNull();
  });
});
