// Types for scripts/demo/stack.mjs (plain JavaScript so that Node runs it without a build step).

export interface DemoServer {
  kind: 'radosgw' | 's3rver';
  /** radosgw: true (a wrong or expired signature gets 403). s3rver: false (everything gets 200). */
  verifiesSignatures: boolean;
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Stops it once; later calls wait for the same stop. */
  stop(): Promise<void>;
}

export interface DemoProfile {
  id: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint: string;
  forcePathStyle: true;
  defaultBucket: string;
}

export interface DemoStackOptions {
  /** Default: S3P_DEMO_SERVER, else 'auto' (radosgw when installed, else s3rver). */
  server?: 'auto' | 'radosgw' | 's3rver';
  /** Progress lines for the user. */
  log?: (line: string) => void;
  /**
   * Aborting it (Ctrl+C while starting) stops the server as soon as it runs, ends the seeding, and makes
   * startDemoStack reject once everything it started is stopped.
   */
  signal?: AbortSignal;
}

export interface DemoStack {
  server: DemoServer;
  bucket: string;
  /** The loopback page of links to the samples. */
  pageUrl: string;
  /** The unsigned path-style URL of a key in the demo bucket. */
  objectUrl(key: string): string;
  profile: DemoProfile;
  /** Stops the page and the server; nothing is left running. */
  stop(): Promise<void>;
}

export function startDemoStack(options?: DemoStackOptions): Promise<DemoStack>;
