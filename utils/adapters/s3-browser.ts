import {
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { i18n } from '#i18n';
import type { Profile } from '../profile';
import { expiredSession, explainS3Error, S3AccessError, type S3Action } from '../s3-errors';
import { fieldOf } from '../s3-errors-shape';
import { hasHostAccess } from './host-permission';
import { listingDecoder } from './s3-browser-keys';
import { listKeyVersions, type VersionEntry } from './s3-browser-versions';
import { requestClient } from './s3-sdk-client';

export type { VersionEntry };

// The few S3 calls the popup browses with, over @aws-sdk/client-s3. The popup imports this module lazily, so
// the SDK (~87 KB gzip) loads only when browsing starts. Every failure comes out explained (explainS3Error).

/** A bucket in the bucket list. */
export interface BucketEntry {
  name: string;
  /** ISO time. */
  creationDate?: string;
  /** Only AWS says, and only on newer accounts' answers. */
  region?: string;
}

/** An object of a listing page. */
export interface ListingObject {
  key: string;
  size: number;
  /** ISO time. */
  lastModified: string;
  /** Without the quotes S3 puts around it. */
  etag?: string;
}

/** One page of a folder: its sub-folders (common prefixes) and objects, and how to get the next page. */
export interface ListingPage {
  prefixes: string[];
  objects: ListingObject[];
  nextContinuationToken?: string;
  isTruncated: boolean;
}

export interface ListPageOptions {
  prefix: string;
  delimiter?: '/';
  continuationToken?: string;
  /** 1 to 1,000 (S3's maximum, and the default). */
  maxKeys?: number;
}

export interface S3BrowserOptions {
  /** Region to sign with instead of the profile's, for a bucket that lives elsewhere. */
  region?: string | undefined;
  /** Cancels the requests in flight, e.g. when the user leaves the folder. */
  signal?: AbortSignal | undefined;
  /** Milliseconds the SDK adds to the local clock when signing (tests use it to fake a wrong clock). */
  systemClockOffset?: number;
  /**
   * Asked only when a request got no answer, to tell "no access to the host" from "host down"; by default the
   * browser's permissions for what the profile's addressing reaches (its endpoint's host, or its subdomains).
   */
  hostAccess?: () => Promise<boolean>;
  /** The clock that decides whether temporary credentials have expired. */
  now?: () => Date;
  /** Gives up on a request after this long (default 30 s). */
  requestTimeoutMs?: number;
}

export interface S3Browser {
  listBuckets(): Promise<BucketEntry[]>;
  listPage(bucket: string, options: ListPageOptions): Promise<ListingPage>;
  headBucket(bucket: string): Promise<{ region?: string }>;
  /** Only `key`'s own versions and delete markers, newest first. */
  listVersions(bucket: string, key: string): Promise<VersionEntry[]>;
}

// A bucket list longer than this many pages is cut (AWS pages ListBuckets only when asked to).
const MAX_PAGES = 20;

const unquote = (etag: string | undefined): string | undefined => etag?.replace(/^"(.*)"$/, '$1');

/** An S3Client for the profile, with the options browsing needs. */
function clientFor(profile: Profile, region: string, options: S3BrowserOptions): S3Client {
  return requestClient(profile, region, {
    // followRegionRedirects stays off: a bucket in another region surfaces as wrong-region, and the popup
    // offers to switch, rather than every request paying for a redirect.
    ...(options.systemClockOffset ? { systemClockOffset: options.systemClockOffset } : {}),
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 30_000, connectionTimeout: 10_000 },
  });
}

/** The browsing calls for one profile (and optionally another region), every failure explained. */
export function createS3Browser(profile: Profile, options: S3BrowserOptions = {}): S3Browser {
  const region = options.region ?? profile.region;
  const clock = options.now ?? (() => new Date());
  const { signal } = options;
  let client: S3Client | undefined;

  async function call<T>(
    context: { action: S3Action; bucket?: string; key?: string },
    send: (s3: S3Client) => Promise<T>,
  ): Promise<T> {
    const expired = expiredSession(profile, clock());
    if (expired) throw expired;
    if (signal?.aborted) throw new S3AccessError('cancelled', i18n.t('s3Errors.cancelled'));
    client ??= clientFor(profile, region, options);
    try {
      return await send(client);
    } catch (error) {
      const answered = typeof fieldOf(fieldOf(error, '$metadata'), 'httpStatusCode') === 'number';
      // No answer at all: was the host out of reach, or did the browser keep the extension from it?
      const askAccess = options.hostAccess ?? (() => hasHostAccess([profile]));
      const hostAccess = !answered && !signal?.aborted ? await askAccess().catch(() => undefined) : undefined;
      throw explainS3Error(error, {
        ...context,
        region,
        ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
        // The time the SDK signed with, so a skew is measured from the clock S3 saw.
        now: new Date(clock().getTime() + (options.systemClockOffset ?? 0)),
        sessionToken: Boolean(profile.sessionToken),
        ...(hostAccess !== undefined ? { hostAccess } : {}),
      });
    }
  }
  const sendOptions = signal ? { abortSignal: signal } : {};

  return {
    listBuckets: () =>
      call({ action: 'list-buckets' }, async (s3) => {
        const buckets: BucketEntry[] = [];
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const out = await s3.send(
            new ListBucketsCommand(token ? { ContinuationToken: token } : {}),
            sendOptions,
          );
          for (const bucket of out.Buckets ?? []) {
            if (!bucket.Name) continue;
            buckets.push({
              name: bucket.Name,
              ...(bucket.CreationDate ? { creationDate: bucket.CreationDate.toISOString() } : {}),
              ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
            });
          }
          token = out.ContinuationToken;
          if (!token) break;
        }
        return buckets;
      }),

    listPage: (bucket, { prefix, delimiter, continuationToken, maxKeys }) =>
      call({ action: 'list-objects', bucket }, async (s3) => {
        // EncodingType=url: a key with a control character comes back raw as &#x01;, which the browser's
        // DOMParser rejects (checked in Chromium), failing the whole page; decoded below, exactly.
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            ...(prefix ? { Prefix: prefix } : {}),
            ...(delimiter ? { Delimiter: delimiter } : {}),
            ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
            ...(maxKeys ? { MaxKeys: maxKeys } : {}),
            EncodingType: 'url',
          }),
          sendOptions,
        );
        const decode = listingDecoder(out.EncodingType);
        const page: ListingPage = {
          prefixes: (out.CommonPrefixes ?? []).flatMap((common) =>
            common.Prefix === undefined ? [] : [decode(common.Prefix)],
          ),
          objects: (out.Contents ?? []).flatMap((object) => {
            if (object.Key === undefined) return [];
            const etag = unquote(object.ETag);
            return [
              {
                key: decode(object.Key),
                size: object.Size ?? 0,
                lastModified: object.LastModified?.toISOString() ?? '',
                ...(etag ? { etag } : {}),
              },
            ];
          }),
          isTruncated: Boolean(out.IsTruncated),
        };
        if (out.IsTruncated && out.NextContinuationToken)
          page.nextContinuationToken = out.NextContinuationToken;
        return page;
      }),

    headBucket: (bucket) =>
      call({ action: 'head-bucket', bucket }, async (s3) => {
        const out = await s3.send(new HeadBucketCommand({ Bucket: bucket }), sendOptions);
        return out.BucketRegion ? { region: out.BucketRegion } : {};
      }),

    listVersions: (bucket, key) =>
      call({ action: 'list-versions', bucket, key }, (s3) => listKeyVersions(s3, bucket, key, sendOptions)),
  };
}
