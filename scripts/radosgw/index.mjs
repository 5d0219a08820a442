// Starts and stops a throw-away, single-node Ceph cluster on 127.0.0.1 (one monitor, one in-memory OSD, and
// the RADOS Gateway), so tests can hit a real S3 server that verifies SigV4 signatures strictly.
//
//   import { getSessionToken, startRadosgw } from './radosgw/index.mjs';
//   const s3 = await startRadosgw();   // ~2 s
//   ... s3.endpoint, s3.region, s3.users.owner.accessKeyId ...
//   const session = await getSessionToken(s3, 'owner', 900);   // use it against s3.stsEndpoint
//   await s3.stop();                   // ~0.4 s
//
// CLI: `node scripts/radosgw.mjs` starts one, prints its endpoint and keys as JSON, and stops it on Ctrl+C.
//
// Two gateways share the cluster (same users, same buckets): `endpoint` is the strict one (a bad signature gets
// 403 SignatureDoesNotMatch); `stsEndpoint` also accepts STS session tokens, but with STS on, radosgw answers
// every bad signature with a plain 403 AccessDenied, so keep signature tests on `endpoint`.
//
// Everything an instance owns (config, mon store, OSD data, sockets, pid files, logs) lives in its own temp
// directory, and every port is picked free at start, so parallel or stale instances never clash. Nothing is
// read from or written to /etc/ceph or /var/lib/ceph, and root is not needed.
//
// The modules, one concern each: radosgw-missing (preconditions), helpers, ceph-conf (configuration),
// processes, clean-up (including after a crash), signed-fetch (SigV4 for the region probe and STS),
// probe-region, sts, start-radosgw (start / stop). Types: index.d.mts.

export { radosgwMissing } from './radosgw-missing.mjs';
export { startRadosgw } from './start-radosgw.mjs';
export { getSessionToken } from './sts.mjs';
