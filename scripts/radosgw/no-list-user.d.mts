// Types for scripts/radosgw/no-list-user.mjs.
import type { RadosgwHandle, RadosgwUser } from './index.mjs';

/** A user whose own policy denies s3:ListAllMyBuckets (ListBuckets → 403 AccessDenied). */
export function createNoListBucketsUser(handle: RadosgwHandle, uid?: string): Promise<RadosgwUser>;
