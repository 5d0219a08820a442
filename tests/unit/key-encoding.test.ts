import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeKey, MAX_KEY_BYTES, uriEncode } from '@/utils/key-encoding';

describe('encodeKey', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['A-Z_a-z.0-9~', 'A-Z_a-z.0-9~'],
    ['dir/sub/file', 'dir/sub/file'],
    ['my file.txt', 'my%20file.txt'],
    ['a+b', 'a%2Bb'],
    ['100%', '100%25'],
    ['q?x=1#frag', 'q%3Fx%3D1%23frag'],
    ["!'()*", '%21%27%28%29%2A'],
    ['a//b', 'a//b'],
    ['../up/./here', '../up/./here'],
    ['/leading', '/leading'],
    ['trailing/', 'trailing/'],
    ['caf\u00e9', 'caf%C3%A9'],
    ['cafe\u0301', 'cafe%CC%81'],
    ['日本語', '%E6%97%A5%E6%9C%AC%E8%AA%9E'],
    ['😀', '%F0%9F%98%80'],
    ['tab\there', 'tab%09here'],
    ['new\nline', 'new%0Aline'],
    ['back\\slash', 'back%5Cslash'],
    ['semi;colon,comma:at@dollar$amp&eq=', 'semi%3Bcolon%2Ccomma%3Aat%40dollar%24amp%26eq%3D'],
  ])('%j → %s', (key, encoded) => {
    expect(encodeKey(key)).toBe(encoded);
  });

  it('keeps NFC and NFD forms distinct', () => {
    expect(encodeKey('\u00e9')).not.toBe(encodeKey('e\u0301'));
  });

  it('accepts 1,024 bytes and refuses 1,025', () => {
    expect(encodeKey('é'.repeat(MAX_KEY_BYTES / 2))).toHaveLength(MAX_KEY_BYTES * 3);
    expect(() => encodeKey(`${'é'.repeat(MAX_KEY_BYTES / 2)}x`)).toThrowError(
      /1025 bytes long in UTF-8; S3 allows at most 1024/,
    );
  });

  it.each([
    ['', /empty/],
    ['lone \ud800 surrogate', /broken Unicode/],
    ['\udc00', /broken Unicode/],
  ])('refuses %j', (key, message) => {
    expect(() => encodeKey(key)).toThrowError(message);
  });

  it('encodes slashes when asked to (query values)', () => {
    expect(uriEncode('a/b c', false)).toBe('a%2Fb%20c');
  });

  it('decodes back to the key for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (key) => {
        const encoded = encodeKey(key);
        expect(encoded).toMatch(/^[A-Za-z0-9\-._~/%]*$/);
        for (const hex of encoded.match(/%../g) ?? []) expect(hex).toMatch(/^%[0-9A-F]{2}$/);
        expect(decodeURIComponent(encoded)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
