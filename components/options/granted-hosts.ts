/**
 * The host patterns the user allowed at runtime: every granted origin but the manifest's own host_permissions
 * (those cannot be revoked), sorted, each once.
 */
export function userGrantedHosts(granted: readonly string[], builtIn: readonly string[]): string[] {
  const fixed = new Set(builtIn);
  return [...new Set(granted.filter((origin) => !fixed.has(origin)))].sort();
}
