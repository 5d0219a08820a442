import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '@/utils/content-disposition';
import { PresignError } from '@/utils/errors';

describe('attachmentDisposition', () => {
  it.each([
    ['report.pdf', 'attachment; filename="report.pdf"'],
    ['  spaced name.txt ', 'attachment; filename="spaced name.txt"'],
    [
      'Facture été.pdf',
      `attachment; filename="Facture _t_.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`,
    ],
    ['写真.jpg', `attachment; filename="__.jpg"; filename*=UTF-8''%E5%86%99%E7%9C%9F.jpg`],
    ['say "hi".txt', `attachment; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt`],
    ["it's (1)*.txt", `attachment; filename="it's (1)*.txt"`],
    ['😀.png', `attachment; filename="__.png"; filename*=UTF-8''%F0%9F%98%80.png`],
  ])('%j → %s', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it.each([
    ['', 'Write the file name'],
    ['a\r\nSet-Cookie: x', 'line breaks'],
    ['dir/file.txt', 'not a path'],
    ['dir\\file.txt', 'not a path'],
  ])('refuses %j saying “%s”', (name, message) => {
    expect(() => attachmentDisposition(name)).toThrow(PresignError);
    expect(() => attachmentDisposition(name)).toThrow(message);
  });
});
