import { describe, expect, it } from 'vitest';
import {
  copyBoolean,
  copyJson,
  copyNullableText,
  copyNumber,
  copyRow,
  copyText,
  copyTextArray,
  copyTimestamp,
  COPY_NULL,
} from './copy-text';

describe('COPY text format', () => {
  it('escapes backslash, newline, carriage return and tab, and nothing else', () => {
    expect(copyText('建邺区财政局')).toBe('建邺区财政局');
    expect(copyText('a\\b')).toBe('a\\\\b');
    expect(copyText('line 1\nline 2\r\nend')).toBe('line 1\\nline 2\\r\\nend');
    expect(copyText('col\tcol')).toBe('col\\tcol');
    expect(copyText('"quoted", {braces}, comma')).toBe('"quoted", {braces}, comma');
    // a value that reads like the end-of-data marker cannot end the stream: its backslash is doubled
    expect(copyText('\\.')).toBe('\\\\.');
  });

  it('refuses NUL, which Postgres text cannot hold', () => {
    expect(() => copyText('a\u0000b')).toThrow(RangeError);
  });

  it('writes NULL as \\N and keeps an empty string empty', () => {
    expect(COPY_NULL).toBe('\\N');
    expect(copyNullableText(null)).toBe('\\N');
    expect(copyNullableText(undefined)).toBe('\\N');
    expect(copyNullableText('')).toBe('');
    // the text "\N" itself stays a text, not a NULL
    expect(copyNullableText('\\N')).toBe('\\\\N');
  });

  it('writes text[] as a quoted array literal, escaped once for the literal and once for COPY', () => {
    expect(copyTextArray([])).toBe('{}');
    expect(copyTextArray(['website', 'open_platform'])).toBe('{"website","open_platform"}');
    expect(copyTextArray(['a "b"', 'c\\d', 'e,f', '{g}', 'NULL'])).toBe('{"a \\\\"b\\\\"","c\\\\\\\\d","e,f","{g}","NULL"}');
    expect(copyTextArray(['tab\there'])).toBe('{"tab\\there"}');
  });

  it('writes jsonb as JSON text with its escapes escaped again', () => {
    expect(copyJson(null)).toBe('\\N');
    expect(copyJson({})).toBe('{}');
    expect(copyJson({ 三公经费表: '合计\n"1"万元' })).toBe('{"三公经费表":"合计\\\\n\\\\"1\\\\"万元"}');
    expect(copyJson([{ name: 'a.pdf', url: 'https://x/a.pdf' }])).toBe('[{"name":"a.pdf","url":"https://x/a.pdf"}]');
  });

  it('writes timestamps in UTC with an explicit offset, to the millisecond', () => {
    expect(copyTimestamp(null)).toBe('\\N');
    expect(copyTimestamp(new Date('2026-11-27T10:30:00+08:00'))).toBe('2026-11-27 02:30:00+00');
    expect(copyTimestamp(new Date('2026-11-30T16:00:00.007Z'))).toBe('2026-11-30 16:00:00.007+00');
    expect(copyTimestamp(new Date('1969-12-31T23:59:59.999Z'))).toBe('1969-12-31 23:59:59.999+00');
    expect(() => copyTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('gives the same instant as toISOString for any time of any day', () => {
    let ms = Date.UTC(2024, 1, 28, 23, 59, 59, 1);
    for (let i = 0; i < 2000; i++) {
      ms += 7_919_777 + i * 13;
      const text = copyTimestamp(new Date(ms));
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{3})?\+00$/);
      expect(new Date(text.replace(' ', 'T').replace('+00', 'Z')).getTime()).toBe(ms);
    }
  });

  it('writes numbers and booleans plainly and refuses non-finite numbers', () => {
    expect(copyNumber(42)).toBe('42');
    expect(copyNumber(null)).toBe('\\N');
    expect(() => copyNumber(Number.NaN)).toThrow(RangeError);
    expect(copyBoolean(true)).toBe('t');
    expect(copyBoolean(false)).toBe('f');
    expect(copyBoolean(null)).toBe('\\N');
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyRow(['1', copyText('a\tb'), COPY_NULL])).toBe('1\ta\\tb\t\\N\n');
  });
});
