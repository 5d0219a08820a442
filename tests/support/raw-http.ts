import { request } from 'node:http';
import { request as requestTls } from 'node:https';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Sends a request with the URL's path exactly as written: fetch and `new URL` would collapse `.` and `..`
 * segments, which are legal in S3 keys and signed as they are.
 */
export function rawRequest(
  url: string,
  options: { method?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const match = /^(https?):\/\/([^/?#]+)(\/[^#]*)?$/.exec(url);
  if (!match) throw new Error(`Not an absolute http(s) URL: ${url}`);
  const [, scheme, authority, path = '/'] = match as unknown as [string, string, string, string | undefined];
  const [hostname, port] = authority.split(':') as [string, string | undefined];
  const send = scheme === 'https' ? requestTls : request;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The S3 error code in an XML error body, e.g. "SignatureDoesNotMatch". */
export function errorCode(response: RawResponse): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(response.body.toString('utf8'))?.[1];
}
