// The SigV4 signing key depends only on the secret, the day, the region and the service, so it is derived once
// (four HMACs) and kept as a non-extractable WebCrypto key: each link then costs one digest and one HMAC.
// The cache lives in this module's memory only (gone when the service worker or page goes); it is never
// logged, stored or sent, and the derived key cannot be read back out of the CryptoKey.

const encoder = new TextEncoder();
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

/** Profiles × days × regions in use at once is small; the bound only stops unbounded growth. */
const MAX_KEYS = 32;
const keys = new Map<string, Promise<CryptoKey>>();

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  const imported = await crypto.subtle.importKey('raw', key, HMAC, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, encoder.encode(data)));
}

/** Derives kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export async function deriveSigningKey(
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<CryptoKey> {
  let key = encoder.encode(`AWS4${secretAccessKey}`);
  for (const part of [shortDate, region, service, 'aws4_request']) key = await hmac(key, part);
  return crypto.subtle.importKey('raw', key, HMAC, false, ['sign']);
}

/**
 * The signing key for (secret, day, region, service), derived on first use and reused after; concurrent
 * first uses (bulk signing) share one derivation.
 */
export function signingKey(
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<CryptoKey> {
  // The date, region (checked before signing) and service never hold '/', and the secret comes last, so two
  // different tuples never make the same id.
  const id = `${shortDate}/${region}/${service}/${secretAccessKey}`;
  const cached = keys.get(id);
  if (cached) return cached;
  const derived = deriveSigningKey(secretAccessKey, shortDate, region, service);
  keys.set(id, derived);
  // A failed derivation is not kept, so the next call tries again.
  derived.catch(() => {
    if (keys.get(id) === derived) keys.delete(id);
  });
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
  return derived;
}

/** Forgets every derived key (tests, and whoever wants keys gone before the context ends). */
export function clearSigningKeys(): void {
  keys.clear();
}

/** How many keys are held: for tests. */
export function signingKeyCount(): number {
  return keys.size;
}
