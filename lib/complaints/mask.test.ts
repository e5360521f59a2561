import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, phoneLast4 } from './mask';

describe('masking personal data', () => {
  it('keeps the family name only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('  ')).toBeNull();
    expect(maskName(null)).toBeNull();
  });

  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });

  it('keeps only the last 4 digits of a landline', () => {
    expect(maskPhone('025-8368421')).toBe('******8421');
    expect(maskPhone('8421')).toBe('****');
  });

  it('gives the last 4 digits for tracking', () => {
    expect(phoneLast4('138 1234 5678')).toBe('5678');
  });
});
