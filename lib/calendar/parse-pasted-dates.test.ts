import { describe, expect, it } from 'vitest';
import { parsePastedDates } from './parse-pasted-dates';

describe('parsePastedDates', () => {
  it('reads single dates in the usual notations, in order, once each', () => {
    expect(parsePastedDates('2027-01-02，2027/1/1\n2027.1.3 2027年1月1日')).toEqual({
      days: ['2027-01-01', '2027-01-02', '2027-01-03'],
      errors: [],
    });
  });

  it('expands ranges, also with the month or year left out of the end', () => {
    expect(parsePastedDates('2027-10-01~2027-10-03').days).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    expect(parsePastedDates('2027年2月10日至12日').days).toEqual(['2027-02-10', '2027-02-11', '2027-02-12']);
    expect(parsePastedDates('2027-04-30 至 5-02').days).toEqual(['2027-04-30', '2027-05-01', '2027-05-02']);
  });

  it('names what it cannot read', () => {
    expect(parsePastedDates('2027-02-30 春节 2027-10-07~2027-10-01').errors).toEqual([
      '无法识别的日期：2027-02-30',
      '无法识别的日期：春节',
      '日期区间有误：2027-10-07~2027-10-01',
    ]);
  });
});
