// Preconditions: whether the Ceph binaries the cluster needs are installed, and where.

import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const INSTALL_HINT =
  'radosgw is not installed: run  sudo apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd';

/** Every binary the cluster needs; ceph and monmaptool come with ceph-mon's dependencies. */
const BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph', 'monmaptool'];

/** @param {string} name @returns {string | null} absolute path of an executable in PATH (or the sbin dirs) */
export function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * One line telling how to install Ceph when a binary is missing, otherwise null.
 * @returns {string | null}
 */
export function radosgwMissing() {
  return BINARIES.every((name) => which(name) !== null) ? null : INSTALL_HINT;
}
