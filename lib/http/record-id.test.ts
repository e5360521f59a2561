import { describe, expect, it } from 'vitest';
import { recordIdSchema } from './record-id';

describe('recordIdSchema', () => {
  it('reads a positive id of up to 15 digits', () => {
    expect(recordIdSchema.parse('1')).toBe(1);
    expect(recordIdSchema.parse('007')).toBe(7);
    expect(recordIdSchema.parse('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses anything that is not such an id', () => {
    for (const raw of ['', '0', '000', '-1', '1.5', '1e3', ' 1', '0x10', '1234567890123456']) {
      expect(recordIdSchema.safeParse(raw).success, raw).toBe(false);
    }
  });
});
