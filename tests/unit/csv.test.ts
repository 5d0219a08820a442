import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '@/utils/csv';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['with space', 'with space'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['', ''],
    ['été/日本.txt', 'été/日本.txt'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are, even negative ones (no formula guard on numbers)', () => {
    expect(csvField(1024)).toBe('1024');
    expect(csvField(-5)).toBe('-5');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a=b', 'a=b'],
  ])('guards a cell that starts like a formula: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves formula-like text as it is when the guard is off', () => {
    expect(csvField('=1+1', { guardFormulas: false })).toBe('=1+1');
    expect(csvField('=a,b', { guardFormulas: false })).toBe('"=a,b"');
  });
});

describe('toCsv', () => {
  it('joins fields with commas and rows with CRLF, ending with one', () => {
    expect(
      toCsv([
        ['key', 'size'],
        ['a,b.txt', 3],
        ['multi\nline', 0],
      ]),
    ).toBe('key,size\r\n"a,b.txt",3\r\n"multi\nline",0\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
