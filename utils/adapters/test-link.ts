import { type LinkFacts, readLinkTiming } from '../link-facts';
import { type LinkProbe, linkVerdict, type Verdict } from '../link-verdict';

/** The most of an error body read: S3's error documents are a few hundred bytes. */
const MAX_BODY = 16_384;

/** The link to test and what it is for. */
export interface TestedLink {
  url: string;
  method: 'GET' | 'PUT';
  bucket: string;
  key: string;
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

async function readBody(response: Response): Promise<string> {
  const text = await response.text();
  return text.slice(0, MAX_BODY);
}

/**
 * Requests the link itself. A presigned GET cannot be sent as HEAD (the method is part of the signature), so it
 * is a GET for the first byte only (`Range` is not signed, and S3 honours it); a success's body is dropped
 * unread. An upload link is not sent at all: anything sent to it would write the object.
 */
export async function probeLink(link: TestedLink, fetcher: typeof fetch = fetch): Promise<LinkProbe> {
  if (link.method === 'PUT') return { kind: 'untestable', method: 'PUT' };
  const abort = new AbortController();
  let response: Response;
  try {
    response = await fetcher(link.url, {
      method: 'GET',
      headers: { Range: 'bytes=0-0' },
      cache: 'no-store',
      credentials: 'omit',
      signal: abort.signal,
    });
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const headers = headersOf(response);
  if (response.ok) {
    abort.abort();
    return { kind: 'response', status: response.status, headers, body: '' };
  }
  const body = await readBody(response).catch(() => '');
  return { kind: 'response', status: response.status, headers, body };
}

/** Tests a link and says in plain words whether it works, and if not, why. */
export async function testLink(link: TestedLink, fetcher: typeof fetch = fetch): Promise<Verdict> {
  const probe = await probeLink(link, fetcher);
  const facts: LinkFacts = { bucket: link.bucket, key: link.key, ...readLinkTiming(link.url) };
  return linkVerdict(probe, facts, new Date());
}
