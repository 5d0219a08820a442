import { i18n } from '#i18n';
import { toCsv } from './csv';
import { type Credentials, presign } from './presign';

// Links for many objects at once, signed in chunks with a pause between them: 10,000 links must not freeze the
// popup, and the user sees the count go up and can cancel.

/** An object to sign a link for. */
export interface BulkObject {
  key: string;
  size: number;
}

/** Where and how every link of a batch is signed: one clock, so they all expire together. */
export interface BulkSigning {
  credentials: Credentials;
  region: string;
  endpoint?: string | undefined;
  forcePathStyle?: boolean | undefined;
  bucket: string;
  expiresIn: number;
  now: Date;
}

export interface BulkLink extends BulkObject {
  url: string;
}

export interface BulkResult {
  links: BulkLink[];
  expiresIn: number;
  expiresAt: Date;
  /** The expiry's warnings (cut to temporary credentials…), once for the batch. */
  warnings: string[];
}

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkOptions {
  /** Links signed between two pauses (default 250: ~15 ms of work in Chromium, under a frame at 60 Hz… twice). */
  chunkSize?: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Aborting stops at the next chunk with a 'cancelled' AbortError. */
  signal?: AbortSignal;
  /** Gives the page a turn (paint, clicks) between chunks; default a macrotask. */
  pause?: () => Promise<void>;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Signs a GET link for each object, in chunks, reporting progress after each; throws the first signing error. */
export async function signBulkLinks(
  objects: readonly BulkObject[],
  signing: BulkSigning,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const chunkSize = Math.max(1, options.chunkSize ?? 250);
  const pause = options.pause ?? macrotask;
  const links: BulkLink[] = [];
  let expiresIn = signing.expiresIn;
  let expiresAt = new Date(signing.now.getTime() + signing.expiresIn * 1000);
  let warnings: string[] = [];
  for (let start = 0; start < objects.length; start += chunkSize) {
    if (options.signal?.aborted) throw new DOMException('Signing was cancelled.', 'AbortError');
    const chunk = objects.slice(start, start + chunkSize);
    const signed = await Promise.all(
      chunk.map((object) =>
        presign({
          credentials: signing.credentials,
          region: signing.region,
          ...(signing.endpoint ? { endpoint: signing.endpoint } : {}),
          ...(signing.forcePathStyle !== undefined ? { forcePathStyle: signing.forcePathStyle } : {}),
          bucket: signing.bucket,
          key: object.key,
          method: 'GET',
          expiresIn: signing.expiresIn,
          now: signing.now,
        }),
      ),
    );
    signed.forEach((result, i) => {
      const object = chunk[i] as BulkObject;
      links.push({ key: object.key, size: object.size, url: result.url });
    });
    const first = signed[0];
    if (start === 0 && first) {
      expiresIn = first.expiresIn;
      expiresAt = first.expiresAt;
      warnings = first.warnings.filter((w) => w.code !== 'dot-segment').map((w) => w.message);
    }
    options.onProgress?.({ done: links.length, total: objects.length });
    if (start + chunkSize < objects.length) await pause();
  }
  return { links, expiresIn, expiresAt, warnings };
}

/** The links, one per line (LF), as a shell loop or a download manager takes them. */
export function linksAsLines(links: readonly BulkLink[]): string {
  return links.map((link) => link.url).join('\n');
}

/** The links as CSV with a header: key, size (bytes), url, expires (ISO 8601 UTC). */
export function linksAsCsv(links: readonly BulkLink[], expiresAt: Date, guardFormulas = true): string {
  const expires = expiresAt.toISOString();
  return toCsv(
    [['key', 'size', 'url', 'expires'], ...links.map((link) => [link.key, link.size, link.url, expires])],
    { guardFormulas },
  );
}

/** "Signing 4,000 / 10,000" */
export function progressText(progress: BulkProgress): string {
  return i18n.t('bulkLinksCore.progress', {
    done: progress.done.toLocaleString('en-US'),
    total: progress.total.toLocaleString('en-US'),
  });
}
