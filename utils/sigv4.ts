import { sigv4Encode } from './sigv4-encode';

// SigV4 query-string authentication as small pure steps (canonical request → string to sign), so each can be
// checked against AWS's published intermediate strings. Only the two hashes are left to the caller.

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 signs presigned links without hashing the body: the uploader's bytes are unknown at signing time. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** One query parameter, already SigV4-encoded: the URL carries exactly these bytes, so it matches what was signed. */
export interface EncodedParam {
  name: string;
  value: string;
}

let lastTime = Number.NaN;
let lastDate = '';

/** `20130524T000000Z`: the signing time to the second, in UTC (the form the AWS SDK produces, years > 9999 included). */
export function amzDate(now: Date): string {
  // Formatting costs as much as hashing the link; bulk signing passes the same time for every link.
  const time = now.getTime();
  if (time !== lastTime) {
    lastDate = now
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    lastTime = time;
  }
  return lastDate;
}

/** `20130524/us-east-1/s3/aws4_request`: what the signing key is valid for. */
export function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/aws4_request`;
}

/** Encodes a name and a value for both the canonical query and the URL. */
export function encodeParam(name: string, value: string): EncodedParam {
  return { name: sigv4Encode(name, false), value: sigv4Encode(value, false) };
}

/** Parameters sorted by encoded name (then value), joined as `a=1&b=2`. */
export function canonicalQuery(params: readonly EncodedParam[]): string {
  const sorted = [...params].sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value));
  let out = '';
  for (const param of sorted) out += `${out === '' ? '' : '&'}${param.name}=${param.value}`;
  return out;
}

// Code-unit order, which for %-encoded ASCII is the byte order SigV4 asks for.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A header value as SigV4 signs it: line breaks and runs of blanks become one space, ends trimmed. */
export function canonicalHeaderValue(value: string): string {
  // Most values (a host) hold no blank at all: one test instead of three rewrites.
  if (!/[\r\n \t]/.test(value)) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

/** The signed header names, sorted and `;`-joined (as X-Amz-SignedHeaders carries them). */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers).sort(compare).join(';');
}

export interface CanonicalRequestParts {
  method: string;
  /** The path exactly as sent, already encoded (S3 signs it as is: no normalization, no second encoding). */
  path: string;
  query: readonly EncodedParam[];
  /** The headers to sign, by lowercase name. */
  headers: Readonly<Record<string, string>>;
}

/** The canonical request: method, path, query, headers, signed header names and the payload hash, one per line. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const names = Object.keys(parts.headers).sort(compare);
  let headerLines = '';
  for (const name of names) headerLines += `${name}:${canonicalHeaderValue(parts.headers[name] as string)}\n`;
  return `${parts.method}\n${parts.path}\n${canonicalQuery(parts.query)}\n${headerLines}\n${names.join(';')}\n${UNSIGNED_PAYLOAD}`;
}

/** The string to sign: algorithm, time, scope and the hex SHA-256 of the canonical request. */
export function stringToSign(longDate: string, scope: string, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${longDate}\n${scope}\n${canonicalRequestHash}`;
}

const HEX_CODES = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));
const hexUnits = new Uint16Array(64);

/** Lowercase hex of a digest or signature (32 bytes here; any length works). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // One flat string from char codes, rather than 32 concatenations the GC then collects.
  const units = view.length * 2 <= hexUnits.length ? hexUnits : new Uint16Array(view.length * 2);
  for (let i = 0; i < view.length; i++) {
    const byte = view[i] as number;
    units[2 * i] = HEX_CODES[byte >> 4] as number;
    units[2 * i + 1] = HEX_CODES[byte & 15] as number;
  }
  // apply takes any array-like, typed arrays included; TypeScript's signature only says number[].
  return String.fromCharCode.apply(null, units.subarray(0, view.length * 2) as unknown as number[]);
}
