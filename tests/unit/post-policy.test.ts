import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  checkTypeToSend,
  curlCommand,
  defaultTypeToSend,
  escapeHtml,
  FILENAME,
  formFields,
  htmlForm,
  parseSize,
  policyRequest,
  type SignedPost,
  shellQuote,
  typePattern,
} from '@/utils/post-policy';

const NOW = new Date('2026-11-29T12:00:00Z');

describe('policyRequest', () => {
  it('a folder: any key under it (the file name appended by S3), max size and Content-Type prefix', () => {
    const resolved = policyRequest(
      { keyMode: 'prefix', key: 'up/', maxBytes: 1000, contentTypePrefix: ' image/ ', expiresIn: 600 },
      NOW,
    );
    expect(resolved.request).toEqual({
      Key: `up/${FILENAME}`,
      Conditions: [
        ['content-length-range', 0, 1000],
        ['starts-with', '$Content-Type', 'image/'],
      ],
      Expires: 600,
    });
    expect(resolved.expiresAt.toISOString()).toBe('2026-11-29T12:10:00.000Z');
  });

  it('one exact key, no other condition', () => {
    expect(policyRequest({ keyMode: 'exact', key: 'a/b.txt', expiresIn: 60 }, NOW).request).toEqual({
      Key: 'a/b.txt',
      Conditions: [],
      Expires: 60,
    });
  });

  it.each([
    [{ keyMode: 'exact' as const, key: '' }, /exact key/],
    [{ key: 'a\nb' }, /control character/],
    [{ maxBytes: 0 }, /at least 1/],
    [{ maxBytes: 1.5 }, /whole number/],
    [{ maxBytes: 6 * 1024 ** 3 }, /5 GiB/],
    [{ expiresIn: 604_801 }, /7 days/],
    [{ contentTypePrefix: 'text/\nx' }, /control character/],
  ])('refuses %j with a message saying what to do', (bad, message) => {
    expect(() => policyRequest({ keyMode: 'prefix', key: 'up/', expiresIn: 60, ...bad }, NOW)).toThrow(
      message,
    );
  });

  it('cuts the expiry to temporary credentials (expiry.ts rules)', () => {
    const resolved = policyRequest(
      { keyMode: 'prefix', key: '', expiresIn: 3600 },
      NOW,
      new Date('2026-11-29T12:05:00Z'),
      true,
    );
    expect(resolved.request.Expires).toBe(300);
    expect(resolved.warnings[0]?.code).toBe('clamped-to-credentials');
  });
});

const POST: SignedPost = {
  url: 'http://127.0.0.1:7480/bucket',
  fields: {
    bucket: 'bucket',
    key: `it's/${FILENAME}`,
    Policy: 'eyJ4Ijoi=',
    'X-Amz-Signature': 'abc',
    odd: '@/etc/passwd;type=x <"&>',
  },
};

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `'it'\\''s'`],
    ['$HOME `x` "q"', `'$HOME \`x\` "q"'`],
  ])('%j → %s', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
  });

  it('round-trips through a real shell', () => {
    for (const text of ["it's", '$(echo no) `no` "q" \\ \n', "''", `été ${FILENAME}`]) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
    }
  });
});

describe('the Content-Type a policy upload sends', () => {
  it.each([
    ['image/', './photo.JPG', 'image/jpeg'],
    ['image/', 'scan.pdf', ''],
    ['image/', 'noextension', ''],
    ['text/plain', 'notes.md', 'text/plain'],
    ['application/', 'a.json', 'application/json'],
  ])('prefix %s, file %s → %s', (prefix, file, type) => {
    expect(defaultTypeToSend(prefix, file)).toBe(type);
  });

  it.each([
    ['image/', 'image/png', undefined],
    ['image/', 'image/', /add the subtype/],
    ['image/', '', /must start with “image\/” \(e\.g\. image\/jpeg\)/],
    ['image/', 'text/plain', /does not start with “image\/”/],
    ['text/', 'text/plain; charset=utf-8', undefined],
  ])('prefix %s, type %s', (prefix, type, problem) => {
    const message = checkTypeToSend(prefix, type);
    if (problem === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(problem);
  });

  it.each([['ima'], ['image/p'], ['image/png'], ['x-custom.a+b/']])(
    'typePattern(%s) is a valid v-flag pattern',
    (prefix) => {
      const pattern = new RegExp(`^(?:${typePattern(prefix)})$`, 'v');
      expect(pattern.test(`${prefix}${prefix.includes('/') ? 'x' : 'ge/x'}`)).toBe(true);
      expect(pattern.test(`z${prefix}`)).toBe(false);
    },
  );
});

describe('curlCommand', () => {
  it('sends each field verbatim (--form-string), the Content-Type when asked, and the file last', () => {
    const command = curlCommand(POST, { file: 'my "file";1.txt', contentType: 'image/png' });
    const lines = command.split(' \\\n  ');
    expect(lines[0]).toBe('curl --fail-with-body -sS -i');
    expect(lines.slice(1, 7)).toEqual([
      "--form-string 'bucket=bucket'",
      `--form-string 'key=it'\\''s/${FILENAME}'`,
      "--form-string 'Policy=eyJ4Ijoi='",
      "--form-string 'X-Amz-Signature=abc'",
      `--form-string 'odd=@/etc/passwd;type=x <"&>'`,
      "--form-string 'Content-Type=image/png'",
    ]);
    expect(lines[7]).toBe(`-F 'file=@"my \\"file\\";1.txt"'`);
    expect(lines[8]).toBe("'http://127.0.0.1:7480/bucket'");
  });

  it('is one shell command whose words are exactly the fields', () => {
    const command = curlCommand(POST, { file: "a b's.txt" }).replace(/^curl/, 'printf "%s\\n"');
    const words = execFileSync('sh', ['-c', command]).toString().split('\n');
    expect(words).toContain(`key=it's/${FILENAME}`);
    expect(words).toContain('odd=@/etc/passwd;type=x <"&>');
    expect(words).toContain(`file=@"a b's.txt"`);
  });
});

describe('htmlForm', () => {
  it('escapes every attribute value and puts the file field last', () => {
    const html = htmlForm(POST, { contentTypePrefix: 'image/"x"' });
    expect(html).toContain(`<input type="hidden" name="key" value="it&#39;s/${FILENAME}" />`);
    expect(html).toContain('value="@/etc/passwd;type=x &#60;&#34;&#38;&#62;"');
    expect(html).toContain('(starts with “image/&#34;x&#34;”)');
    const lines = html.split('\n');
    expect(lines.findIndex((l) => l.includes('type="file"'))).toBe(lines.length - 3);
    expect(html.startsWith('<form action="http://127.0.0.1:7480/bucket" method="post"')).toBe(true);
  });

  it('never sends the bare prefix as the Content-Type: the box is empty, required, and needs a subtype', () => {
    const html = htmlForm(POST, { contentTypePrefix: 'image/' });
    const box = html.split('\n').find((line) => line.includes('name="Content-Type"')) ?? '';
    expect(box).not.toMatch(/value=/);
    expect(box).toContain(' required ');
    expect(box).toContain('placeholder="image/jpeg"');
    const pattern = /pattern="([^"]*)"/.exec(box)?.[1] ?? '';
    // The browser checks the pattern anchored, with the v flag.
    const accepts = (type: string): boolean => new RegExp(`^(?:${pattern})$`, 'v').test(type);
    expect(accepts('image/png')).toBe(true);
    expect(accepts('image/svg+xml')).toBe(true);
    expect(accepts('image/')).toBe(false);
    expect(accepts('text/plain')).toBe(false);
  });
  it('escapeHtml leaves plain text alone', () => {
    expect(escapeHtml(`abc/def ${FILENAME}`)).toBe(`abc/def ${FILENAME}`);
  });

  it('formFields adds Content-Type after the signed fields only when given', () => {
    expect(formFields(POST).map(([n]) => n)).toEqual(Object.keys(POST.fields));
    expect(formFields(POST, 'a/b').at(-1)).toEqual(['Content-Type', 'a/b']);
  });
});

describe('parseSize', () => {
  it.each([
    ['', undefined],
    ['1048576', 1_048_576],
    ['500 KB', 512_000],
    ['10MB', 10 * 1024 ** 2],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['2 m', 2 * 1024 ** 2],
    ['7b', 7],
  ])('%j → %j', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['ten', '10 TB', '-1', '1,000'])('refuses %j, saying how to write it', (text) => {
    expect(() => parseSize(text)).toThrow(/Write it like 500 KB/);
  });
});
