// Keys in a listing asked for with EncodingType=url. AWS writes them form-style (space as "+", "+" as "%2B");
// radosgw writes space as "%20" and "+" as "%2B". Turning "+" into a space before percent-decoding is right for
// both, since neither leaves a literal "+" in an encoded key.

/** Decodes one key or prefix of a url-encoded listing; text that is not valid %-encoding is kept as it is. */
export function decodeListingKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, '%20'));
  } catch {
    return encoded;
  }
}

/** The decoder for a listing: only when the answer says it is url-encoded (some stores ignore the request). */
export function listingDecoder(encodingType: string | undefined): (text: string) => string {
  return encodingType === 'url' ? decodeListingKey : (text) => text;
}
