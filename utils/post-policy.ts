import { i18n } from '#i18n';
import { PresignError } from './errors';
import { type ExpiryWarning, resolveExpiry } from './expiry';

// A browser-form upload (S3 POST policy) for one folder: the conditions the user picks, turned into what
// @aws-sdk/s3-presigned-post signs, and the signed fields turned into a curl command and an HTML form.

/** S3 takes at most 5 GiB in one POST upload. */
export const MAX_POST_BYTES = 5 * 1024 ** 3;

export type PolicyCondition =
  | ['starts-with', string, string]
  | ['content-length-range', number, number]
  | ['eq', string, string];

export interface PostPolicyOptions {
  /** 'prefix': any key under `key` (the uploaded file's own name appended); 'exact': only `key`. */
  keyMode: 'prefix' | 'exact';
  /** The key prefix (usually the current folder) or the one key allowed. */
  key: string;
  /** Largest upload accepted, in bytes (content-length-range 0..max); none: any size up to 5 GiB. */
  maxBytes?: number | undefined;
  /** Content-Type the upload must declare, as a prefix (e.g. "image/"); none: any. */
  contentTypePrefix?: string | undefined;
  /** Requested lifetime in seconds (1 to 604,800), cut to the end of temporary credentials. */
  expiresIn: number;
}

/** What createPresignedPost is given. */
export interface PolicyRequest {
  Key: string;
  Conditions: PolicyCondition[];
  Expires: number;
}

export interface ResolvedPolicy {
  request: PolicyRequest;
  expiresIn: number;
  expiresAt: Date;
  warnings: ExpiryWarning[];
}

/** A line break, tab or other control character: no key or header may hold one. */
function hasControl(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be refused.
  return /[\u0000-\u001f\u007f]/.test(text);
}

/** The placeholder S3 replaces with the uploaded file's name. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: S3's own placeholder, sent as it is.
export const FILENAME = '${filename}';

/**
 * The request to sign for these conditions, checked: a clear message for an empty exact key, a size that is
 * not a whole number of bytes (or above 5 GiB), an expiry beyond 7 days or beyond temporary credentials.
 */
export function policyRequest(
  options: PostPolicyOptions,
  now: Date,
  credentialsExpireAt?: Date,
  temporary = false,
): ResolvedPolicy {
  if (options.keyMode === 'exact' && options.key === '') {
    throw new PresignError('invalid-key', i18n.t('policy.exactKey'));
  }
  if (hasControl(options.key)) {
    throw new PresignError('invalid-key', i18n.t('policy.keyControl'));
  }
  const conditions: PolicyCondition[] = [];
  if (options.maxBytes !== undefined) {
    const max = options.maxBytes;
    if (!Number.isInteger(max) || max < 1) {
      throw new PresignError('invalid-request', i18n.t('policy.maxWhole'));
    }
    if (max > MAX_POST_BYTES) {
      throw new PresignError('invalid-request', i18n.t('policy.maxTooBig'));
    }
    conditions.push(['content-length-range', 0, max]);
  }
  const type = options.contentTypePrefix?.trim();
  if (type) {
    if (hasControl(type)) {
      throw new PresignError('invalid-request', i18n.t('policy.typeControl'));
    }
    conditions.push(['starts-with', '$Content-Type', type]);
  }
  const expiry = resolveExpiry(options.expiresIn, now, credentialsExpireAt, temporary);
  // createPresignedPost turns a key ending in ${filename} into a starts-with condition on the part before it.
  const Key = options.keyMode === 'exact' ? options.key : `${options.key}${FILENAME}`;
  return {
    request: { Key, Conditions: conditions, Expires: expiry.expiresIn },
    expiresIn: expiry.expiresIn,
    expiresAt: expiry.expiresAt,
    warnings: expiry.warnings,
  };
}

/** A signed POST: where to send it and the form fields, in the order to send them (the file goes after). */
export interface SignedPost {
  url: string;
  fields: Record<string, string>;
}

/** The fields of a signed POST plus the Content-Type one the uploader fills, when the policy asks for it. */
export function formFields(post: SignedPost, contentType?: string): [string, string][] {
  const entries = Object.entries(post.fields);
  if (contentType !== undefined) entries.push(['Content-Type', contentType]);
  return entries;
}

/** One shell word: single-quoted, a quote inside written as '\'' (POSIX sh, bash, zsh). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A path as curl's -F reads it after "@": in double quotes, with " and \ escaped (so ; and , stay in the name). */
function curlFilePath(path: string): string {
  return `"${path.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * A ready `curl` command for the signed POST. Fields go as --form-string (curl reads a -F value starting with
 * @ or < as a file, and cuts one at ";type="); the file goes last, since S3 ignores every field after it.
 */
export function curlCommand(
  post: SignedPost,
  options: { file: string; contentType?: string | undefined },
): string {
  const lines = ['curl --fail-with-body -sS -i'];
  for (const [name, value] of formFields(post, options.contentType)) {
    lines.push(`--form-string ${shellQuote(`${name}=${value}`)}`);
  }
  lines.push(`-F ${shellQuote(`file=@${curlFilePath(options.file)}`)}`);
  lines.push(shellQuote(post.url));
  return lines.join(' \\\n  ');
}

/** Text made safe for an HTML attribute value in double quotes (and for text content). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Common types by file extension, for the Content-Type a curl upload sends. */
const TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
};

/** A full Content-Type, type/subtype (parameters such as "; charset=utf-8" allowed). */
const FULL_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** The type a file name suggests ("photo.JPG" → image/jpeg), if it is a common one. */
export function guessContentType(fileName: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension ? TYPES[extension] : undefined;
}

/**
 * The Content-Type a curl upload sends for a policy with this prefix: the file name's type when it fits the
 * prefix, the prefix itself when it is already a full type, else '' (the user must type one).
 */
export function defaultTypeToSend(prefix: string, fileName: string): string {
  const guess = guessContentType(fileName);
  if (guess?.startsWith(prefix)) return guess;
  return FULL_TYPE.test(prefix) ? prefix : '';
}

/** Why `type` cannot be sent under a policy with this prefix (S3 or the receiving app would refuse it), if so. */
export function checkTypeToSend(prefix: string, type: string): string | undefined {
  const example = Object.values(TYPES).find((known) => known.startsWith(prefix)) ?? `${prefix}…`;
  if (type.trim() === '') return i18n.t('policy.typeNeeded', { prefix, example });
  if (!type.startsWith(prefix)) return i18n.t('policy.typePrefix', { type, prefix, example });
  if (!FULL_TYPE.test(type)) return i18n.t('policy.typeWhole', { type, example });
  return undefined;
}

/** An HTML `pattern` (anchored, v flag) that takes a whole type starting with `prefix`. */
export function typePattern(prefix: string): string {
  const escaped = prefix.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const word = '[\\w.+\\-]';
  if (!prefix.includes('/')) return `${escaped}${word}*\\/${word}+`;
  return `${escaped}${word}${prefix.endsWith('/') ? '+' : '*'}`;
}

/**
 * An HTML form that uploads one file with the signed POST. With a Content-Type policy, the uploader types the
 * file's type in a box that must start with the prefix and name a subtype (no script: none may run inline).
 */
export function htmlForm(post: SignedPost, options: { contentTypePrefix?: string | undefined } = {}): string {
  const lines = [`<form action="${escapeHtml(post.url)}" method="post" enctype="multipart/form-data">`];
  for (const [name, value] of Object.entries(post.fields)) {
    lines.push(`  <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`);
  }
  const prefix = options.contentTypePrefix;
  if (prefix !== undefined) {
    const example = Object.values(TYPES).find((known) => known.startsWith(prefix));
    lines.push(
      `  <label>${escapeHtml(i18n.t('policy.formType', { prefix }))} <input type="text" name="Content-Type" required pattern="${escapeHtml(typePattern(prefix))}"${example ? ` placeholder="${escapeHtml(example)}"` : ''} /></label>`,
    );
  }
  // The file field last: S3 ignores every field after it.
  lines.push('  <input type="file" name="file" />');
  lines.push(`  <button type="submit">${escapeHtml(i18n.t('policy.formUpload'))}</button>`);
  lines.push('</form>');
  return lines.join('\n');
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * A size typed by the user: "1048576", "500 KB", "10MB", "1.5 GiB" (K, M and G count in 1,024s, with or
 * without B or iB); undefined for an empty box.
 */
export function parseSize(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/.exec(trimmed);
  const unit = match ? SIZE_UNITS[match[2] as string] : undefined;
  if (!match || unit === undefined) {
    throw new PresignError('invalid-request', i18n.t('policy.badSize', { text: text.trim() }));
  }
  return Math.round(Number(match[1]) * unit);
}
