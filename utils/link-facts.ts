// What a presigned link and a store's answer say, read without a URL or XML parser: `new URL()` would normalize
// a key's `..`, and a service worker has no DOMParser. Pure, for utils/link-verdict.ts.

/** What the link itself says about when and where it was signed (from its X-Amz-* query). */
export interface LinkFacts {
  bucket: string;
  key: string;
  signedAt?: Date | undefined;
  expiresAt?: Date | undefined;
  /** The region in the credential scope. */
  region?: string | undefined;
}

function paramOf(url: string, name: string): string | undefined {
  const query = url.split('#')[0]?.split('?')[1] ?? '';
  for (const part of query.split('&')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).toLowerCase() === name.toLowerCase()) {
      try {
        return decodeURIComponent(part.slice(at + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A time as S3 writes it: ISO 8601 basic (20261129T120000Z, X-Amz-Date) or extended; NaN when neither. */
export function parseAmzTime(text: string | undefined): number {
  const basic = text ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  if (basic) return Date.parse(`${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z`);
  return text ? Date.parse(text) : Number.NaN;
}

/** Reads X-Amz-Date, X-Amz-Expires and the credential scope's region from a presigned URL. */
export function readLinkTiming(url: string): Pick<LinkFacts, 'signedAt' | 'expiresAt' | 'region'> {
  const date = paramOf(url, 'X-Amz-Date');
  const expires = Number(paramOf(url, 'X-Amz-Expires'));
  const signed = date && /^\d{8}T\d{6}Z$/.test(date) ? parseAmzTime(date) : Number.NaN;
  const signedAt = Number.isNaN(signed) ? undefined : new Date(signed);
  const region = paramOf(url, 'X-Amz-Credential')?.split('/')[2];
  return {
    signedAt,
    expiresAt:
      signedAt && Number.isFinite(expires) && expires > 0
        ? new Date(signedAt.getTime() + expires * 1000)
        : undefined,
    region: region || undefined,
  };
}

/** The access key id in a presigned URL's X-Amz-Credential ("AKIA…/20261129/us-east-1/s3/aws4_request"). */
export function readCredentialKeyId(url: string): string | undefined {
  const credential = paramOf(url, 'X-Amz-Credential');
  return credential?.split('/')[0] || undefined;
}

/** The text of one element of an S3 error body (the bodies are small and flat: no XML parser needed). */
export function xmlField(body: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body);
  if (!match?.[1]) return undefined;
  return match[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
