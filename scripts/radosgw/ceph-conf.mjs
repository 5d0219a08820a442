// Configuration: the ceph.conf of one instance.

/** Key of the STS session tokens radosgw encrypts; it must be exactly 16 characters. */
const STS_KEY = 'radosgw-test-sts';

/**
 * The whole cluster's ceph.conf. `$name` is expanded by Ceph per daemon (mon.a, osd.0, client.rgw, ...).
 * @param {{ dir: string, fsid: string, monPort: number, rgwPort: number, stsPort: number }} p
 */
export function cephConf({ dir, fsid, monPort, rgwPort, stsPort }) {
  return `[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
# msgr2 only: one port per daemon, and the monmap below lists only a v2 address.
ms bind msgr1 = false

# No cephx: nothing to bootstrap, no keyrings. The S3 layer still checks SigV4 on every request.
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
# Without cephx there is no session key, so "secure" messenger mode is impossible; radosgw defaults to it.
ms mon client mode = crc
ms client mode = crc
keyring = ${dir}/keyring

# Keep every file of this instance in its own directory.
run dir = ${dir}/run
admin socket = ${dir}/run/$name.$pid.asok
pid file = ${dir}/run/$name.pid
log file = ${dir}/log/$name.log
crash dir = ${dir}/crash
mon data = ${dir}/$name
osd data = ${dir}/$name
rgw data = ${dir}/$name
log to stderr = false
err to stderr = false

# One OSD holds every placement group by itself.
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
osd crush chooseleaf type = 0
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off

# Quiet the health warnings a throw-away cluster always has, and do not stop when /tmp gets full-ish.
mon warn on pool no redundancy = false
mon warn on insecure global id reclaim = false
mon warn on insecure global id reclaim allowed = false
mon data avail warn = 1
mon data avail crit = 0
# The monitor batches map changes for 1 s by default; radosgw's ~20 pool changes at start wait on each one.
paxos propose interval = 0.05

[osd]
# Objects live in RAM only; nothing is written to disk while the cluster runs.
osd objectstore = memstore
memstore device bytes = 1073741824

[client]
# Lifecycle workers hold up shutdown by ~4 s; bucket lifecycle rules are still stored, just never applied.
rgw enable lc threads = false
# STS encrypts its session tokens with this key.
rgw sts key = ${STS_KEY}

# The strict gateway: a bad signature gets 403 SignatureDoesNotMatch.
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}

# A second gateway on the same cluster (same users and buckets) that also accepts STS session tokens. It is
# separate because with STS on, radosgw answers every bad signature with 403 AccessDenied instead.
[client.rgw.sts]
rgw frontends = beast endpoint=127.0.0.1:${stsPort}
rgw s3 auth use sts = true
`;
}
