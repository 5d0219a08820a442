// vitest globalSetup: one real, signature-checking S3 server (Ceph radosgw, see scripts/radosgw.mjs) per test
// project, shared by all its test files through `inject('s3')`. Tests create their own buckets; use unique
// names (3-63 characters) since every file of the project talks to the same server.
import type { TestProject } from 'vitest/node';
import { createNoListBucketsUser } from '../../scripts/radosgw/no-list-user.mjs';
import { getSessionToken, radosgwMissing, startRadosgw } from '../../scripts/radosgw.mjs';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3Session extends S3Credentials {
  sessionToken: string;
  /** ISO 8601. A string, not a Date: give an SDK client only the three keys, it wants a Date here. */
  expiration: string;
  /**
   * The gateway that accepts session tokens (same users and buckets as `S3Fixture.endpoint`). The main
   * endpoint refuses them with 403 InvalidAccessKeyId; this one answers every bad signature with 403
   * AccessDenied instead of SignatureDoesNotMatch.
   */
  endpoint: string;
}

export interface S3Fixture {
  /** `http://127.0.0.1:PORT`; use path-style addressing (`forcePathStyle: true`). */
  endpoint: string;
  /** Region to sign with ('us-east-1'); CreateBucket rejects other regions' LocationConstraint. */
  region: string;
  /** Owns the buckets it creates. */
  owner: S3Credentials;
  /** A second valid user with no access to the owner's buckets: expect 403 AccessDenied. */
  stranger: S3Credentials;
  /** The owner's temporary credentials from STS GetSessionToken, valid for 1 h; absent if STS failed. */
  session?: S3Session;
  /**
   * A user whose own policy denies s3:ListAllMyBuckets (ListBuckets → 403 AccessDenied), like keys scoped to
   * one bucket. The owner grants it buckets with a bucket policy naming `arn:aws:iam:::user/${uid}`. Absent if
   * it could not be created.
   */
  noListBuckets?: S3Credentials & { uid: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: S3Fixture;
  }
}

const SESSION_SECONDS = 3600;

export default async function setup(project: TestProject) {
  const missing = radosgwMissing();
  if (missing) throw new Error(missing);

  const server = await startRadosgw({ sts: true });
  const { owner, stranger } = server.users;
  const fixture: S3Fixture = {
    endpoint: server.endpoint,
    region: server.region,
    owner: { accessKeyId: owner.accessKeyId, secretAccessKey: owner.secretAccessKey },
    stranger: { accessKeyId: stranger.accessKeyId, secretAccessKey: stranger.secretAccessKey },
  };
  try {
    const session = await getSessionToken(server, 'owner', SESSION_SECONDS);
    fixture.session = { ...session, endpoint: server.stsEndpoint ?? server.endpoint };
  } catch (error) {
    // Only the tests of temporary credentials need it: they fail, saying so, and the others still run.
    console.warn(`s3-global-setup: no STS session: ${error instanceof Error ? error.message : error}`);
  }
  try {
    const { uid, accessKeyId, secretAccessKey } = await createNoListBucketsUser(server);
    fixture.noListBuckets = { uid, accessKeyId, secretAccessKey };
  } catch (error) {
    console.warn(
      `s3-global-setup: no no-list-buckets user: ${error instanceof Error ? error.message : error}`,
    );
  }
  project.provide('s3', fixture);

  return async () => {
    await server.stop();
  };
}
