import { describe, expect, it } from 'vitest';
import { isMainlandPhone, isValidCreditCode, isValidResidentId, maskIdNo } from './identity';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts numbers whose check character matches, X included', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440524188001010014')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check character, a birth date that does not exist, and the wrong length', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194902300020')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('110105491231002')).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('checks the 18th character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
});

describe('mainland phone numbers', () => {
  it('accepts mobiles and landlines with their area code', () => {
    for (const phone of ['13812345678', '+86 138 1234 5678', '025-83456789', '(0510)8234567', '010-12345678转123']) {
      expect(isMainlandPhone(phone), phone).toBe(true);
    }
  });

  it('refuses numbers that are neither', () => {
    for (const phone of ['12812345678', '1381234567', '83456789', '+852 9123 4567', 'abc', '']) {
      expect(isMainlandPhone(phone), phone).toBe(false);
    }
  });
});

describe('maskIdNo', () => {
  it('keeps the region and the last four', () => {
    expect(maskIdNo('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNo(null)).toBeNull();
  });
});
