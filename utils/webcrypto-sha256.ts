import type { Checksum, SourceData } from '@smithy/types';

const encoder = new TextEncoder();

// WebCrypto takes ArrayBuffer-backed bytes only; the signer's inputs are small, so copying views is cheap.
function toBytes(data: SourceData): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return new Uint8Array(new Uint8Array(data));
}

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) through WebCrypto, in the shape the SigV4 signer expects.
 * WebCrypto is native in pages, service workers and Node 20, so signing needs no JavaScript hash code.
 */
export class WebCryptoSha256 implements Checksum {
  private readonly secret: Uint8Array<ArrayBuffer> | undefined;
  private chunks: Uint8Array<ArrayBuffer>[] = [];

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: SourceData): void {
    this.chunks.push(toBytes(data));
  }

  reset(): void {
    this.chunks = [];
  }

  async digest(): Promise<Uint8Array> {
    const data = this.chunks.length === 1 ? (this.chunks[0] as Uint8Array<ArrayBuffer>) : concat(this.chunks);
    if (this.secret === undefined) return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const key = await crypto.subtle.importKey('raw', this.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
  }
}

function concat(chunks: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
