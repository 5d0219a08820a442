// A user whose own IAM policy denies s3:ListAllMyBuckets, so ListBuckets answers 403 AccessDenied while bucket
// policies can still grant it single buckets: the keys-scoped-to-one-bucket case the extension must cope with.

import { newUser } from './helpers.mjs';
import { createUser } from './processes.mjs';
import { signedFetch } from './signed-fetch.mjs';

/**
 * @typedef {import('./index.mjs').RadosgwUser} RadosgwUser
 * @typedef {import('./index.mjs').RadosgwHandle} RadosgwHandle
 */

/**
 * Creates the user and attaches the policy through IAM PutUserPolicy, which radosgw allows only to a user with
 * the `user-policy` cap: a hidden `<uid>-admin` user gets it, as in sts.mjs.
 * @param {RadosgwHandle} handle
 * @param {string} [uid]
 * @returns {Promise<RadosgwUser>}
 */
export async function createNoListBucketsUser(handle, uid = 'no-list-buckets') {
  const admin = newUser(`${uid}-admin`);
  await createUser(handle.baseDir, admin, ['--caps=user-policy=*']);
  const user = newUser(uid);
  await createUser(handle.baseDir, user);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: ['s3:ListAllMyBuckets'], Resource: '*' }],
  });
  const body = new URLSearchParams({
    Action: 'PutUserPolicy',
    Version: '2010-05-08',
    UserName: uid,
    PolicyName: 'DenyListAllMyBuckets',
    PolicyDocument: policy,
  }).toString();
  const { status, text } = await signedFetch({
    method: 'POST',
    url: `${handle.endpoint}/`,
    region: handle.region,
    service: 'iam',
    credentials: admin,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  if (status !== 200) throw new Error(`IAM PutUserPolicy for ${uid} failed: HTTP ${status} ${text}`);
  return user;
}
