// What each reader finds before it becomes a ProfileDraft: the fields as written, and where.

/** The kind of text a profile was read from. */
export type ImportSource = 'ini' | 'json' | 'env' | 'csv';

/** Something in the pasted text that could not be imported, and what to do about it; never holds a secret. */
export interface ImportProblem {
  /** The profile (or section) it is about. */
  section?: string;
  /** 1-based line in the pasted text. */
  line?: number;
  message: string;
}

/** How the AWS CLI gets keys for a profile that has none written down. */
export type KeysFrom = 'sso' | 'role' | 'web-identity' | 'process';

export interface FoundProfile {
  name: string;
  line: number;
  source: ImportSource;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  sessionExpiration?: string;
  region?: string;
  endpoint?: string;
  addressingStyle?: string;
  keysFrom?: KeysFrom;
}

/** Whether a found profile holds any part of a key pair. */
export function hasKeys(found: FoundProfile): boolean {
  return Boolean(found.accessKeyId || found.secretAccessKey || found.sessionToken);
}
