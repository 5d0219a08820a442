// Region names the setup form accepts, per kind of store. Stricter than what SigV4 can sign where a wrong name
// would only show up later as a DNS failure (AWS), looser where servers choose their own names (MinIO, Ceph).

/**
 * An AWS region: two letters, an optional GovCloud or isolated-partition part, a direction and a number
 * (eu-west-3, us-gov-west-1, us-isob-east-1, cn-north-1). Its name goes into the endpoint's host, so a typo
 * like eu-west3 would otherwise fail as an unreachable host on the first request.
 */
export function isAwsRegion(name: string): boolean {
  return /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(name);
}

/**
 * A region a self-hosted store may name itself: letters, digits, '-' and '_' (MinIO's site region, Ceph's
 * zone group, e.g. zg_eu). SigV4's credential scope only forbids '/' and white space; case is kept, since the
 * server compares the scope's region as it is written.
 */
export function isScopeRegion(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name);
}
