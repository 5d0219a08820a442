// Types for scripts/radosgw/index.mjs (plain JavaScript so that Node runs it without a build step).

export interface RadosgwUser {
  uid: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601. */
  expiration: string;
}

export interface RadosgwHandle {
  /** The strict gateway: bad signatures get 403 SignatureDoesNotMatch; session tokens are refused. */
  endpoint: string;
  /** The STS-enabled gateway on the same cluster: accepts session tokens. */
  stsEndpoint?: string;
  region: string;
  users: { owner: RadosgwUser; stranger: RadosgwUser };
  baseDir: string;
  pids: { mon: number; osd: number; rgw: number; rgwSts?: number };
  stop(): Promise<void>;
}

export interface StartOptions {
  baseDir?: string;
  port?: number;
  sts?: boolean;
  log?: (message: string) => void;
}

/** One line saying how to install Ceph when a binary is missing, otherwise null. */
export function radosgwMissing(): string | null;
/** Boots a throw-away single-node cluster with radosgw on 127.0.0.1. */
export function startRadosgw(options?: StartOptions): Promise<RadosgwHandle>;
/** STS GetSessionToken for one of the users, through the STS-enabled gateway. */
export function getSessionToken(
  handle: RadosgwHandle,
  user: 'owner' | 'stranger',
  durationSeconds?: number,
): Promise<SessionCredentials>;
