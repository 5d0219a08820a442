// STS: letting the test users ask for session tokens, and asking for one.

import { newUser } from './helpers.mjs';
import { createUser } from './processes.mjs';
import { signedFetch } from './signed-fetch.mjs';

/**
 * @typedef {import('./index.mjs').RadosgwUser} RadosgwUser
 * @typedef {import('./index.mjs').RadosgwHandle} RadosgwHandle
 * @typedef {import('./index.mjs').SessionCredentials} SessionCredentials
 */

/** @param {string} xml @param {string} tag */
function xmlValue(xml, tag) {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/**
 * radosgw denies sts:GetSessionToken unless a user policy allows it, and only a user with the `user-policy`
 * cap may attach one (IAM PutUserPolicy). So a hidden `sts-admin` user gets that cap and attaches the policy
 * to every test user; the test users themselves stay plain.
 * @param {string} dir
 * @param {string} endpoint
 * @param {string} region
 * @param {RadosgwUser[]} users
 */
export async function allowSessionTokens(dir, endpoint, region, users) {
  const admin = newUser('sts-admin');
  await createUser(dir, admin, ['--caps=user-policy=*']);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sts:GetSessionToken'], Resource: '*' }],
  });
  for (const user of users) {
    const body = new URLSearchParams({
      Action: 'PutUserPolicy',
      Version: '2010-05-08',
      UserName: user.uid,
      PolicyName: 'AllowGetSessionToken',
      PolicyDocument: policy,
    }).toString();
    const { status, text } = await signedFetch({
      method: 'POST',
      url: `${endpoint}/`,
      region,
      service: 'iam',
      credentials: admin,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    if (status !== 200) throw new Error(`IAM PutUserPolicy for ${user.uid} failed: HTTP ${status} ${text}`);
  }
}

/**
 * Temporary credentials for a user from radosgw's STS GetSessionToken (15 min to 12 h). They are accepted only
 * by `handle.stsEndpoint`; the main endpoint answers them with 403 InvalidAccessKeyId.
 * @param {RadosgwHandle} handle
 * @param {'owner' | 'stranger'} user
 * @param {number} [durationSeconds]
 * @returns {Promise<SessionCredentials>}
 */
export async function getSessionToken(handle, user, durationSeconds = 3600) {
  if (!handle.stsEndpoint) throw new Error('getSessionToken: this radosgw was started with { sts: false }');
  const body = new URLSearchParams({
    Action: 'GetSessionToken',
    Version: '2011-06-15',
    DurationSeconds: String(durationSeconds),
  }).toString();
  const { status, text } = await signedFetch({
    method: 'POST',
    url: `${handle.stsEndpoint}/`,
    region: handle.region,
    service: 'sts',
    credentials: handle.users[user],
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  const accessKeyId = xmlValue(text, 'AccessKeyId');
  const secretAccessKey = xmlValue(text, 'SecretAccessKey');
  const sessionToken = xmlValue(text, 'SessionToken');
  const expiration = xmlValue(text, 'Expiration');
  if (status !== 200 || !accessKeyId || !secretAccessKey || !sessionToken || !expiration) {
    throw new Error(`STS GetSessionToken failed: HTTP ${status} ${text}`);
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiration };
}
