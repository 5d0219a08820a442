import { describe, expect, it } from 'vitest';
import { probeLink, testLink } from '@/utils/adapters/test-link';

// The tester's requests (a recording fetch stands in for the network; the real store is in
// tests/e2e/link-tools.test.ts): a GET link is asked for its first byte only, an upload link is never sent.

const GET_LINK =
  'http://127.0.0.1:7480/b/k.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20261129%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=ab';

function recorder(response: () => Response | Promise<Response>): {
  fetcher: typeof fetch;
  calls: { url: string; init: RequestInit | undefined }[];
} {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return response();
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('probeLink', () => {
  it('sends the link itself as GET with Range: bytes=0-0, and drops a success’s body unread', async () => {
    const { fetcher, calls } = recorder(
      () =>
        new Response('h', {
          status: 206,
          headers: { 'Content-Range': 'bytes 0-0/12', 'Content-Type': 'text/plain' },
        }),
    );
    const probe = await probeLink({ url: GET_LINK, method: 'GET', bucket: 'b', key: 'k.txt' }, fetcher);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(GET_LINK);
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.headers).toEqual({ Range: 'bytes=0-0' });
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.signal?.aborted).toBe(true);
    expect(probe).toMatchObject({ kind: 'response', status: 206, body: '' });
  });

  it('never sends an upload link', async () => {
    const { fetcher, calls } = recorder(() => new Response(null, { status: 200 }));
    const probe = await probeLink({ url: GET_LINK, method: 'PUT', bucket: 'b', key: 'k.txt' }, fetcher);
    expect(calls).toHaveLength(0);
    expect(probe).toEqual({ kind: 'untestable', method: 'PUT' });
  });

  it('reads an error’s body for its code', async () => {
    const { fetcher } = recorder(
      () =>
        new Response('<Error><Code>NoSuchKey</Code></Error>', {
          status: 404,
          headers: { 'Content-Type': 'application/xml' },
        }),
    );
    const verdict = await testLink({ url: GET_LINK, method: 'GET', bucket: 'b', key: 'k.txt' }, fetcher);
    expect(verdict.kind).toBe('not-found');
  });

  it('turns a thrown fetch into a network verdict', async () => {
    const fetcher = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const verdict = await testLink({ url: GET_LINK, method: 'GET', bucket: 'b', key: 'k.txt' }, fetcher);
    expect(verdict.kind).toBe('network');
    expect(verdict.text).toContain('Failed to fetch');
  });
});
