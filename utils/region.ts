/**
 * Whether a name can go in a SigV4 credential scope as the region: lowercase letters and digits in
 * hyphen-separated parts (us-east-1, eu-central-2, and R2's "auto").
 */
export function isSigningRegion(name: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}
