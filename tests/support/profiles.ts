import type { Profile } from '@/utils/profile';
import { EMPTY_DRAFT, type ProfileDraft } from '@/utils/profile-draft';

// The profiles the unit tests share. Neither signs for a real account.

/** An AWS profile with the example keys from AWS's documentation. */
export const awsProfile: Profile = {
  id: 'aws',
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'eu-west-3',
  forcePathStyle: false,
};

/** A secret that tests look for in every output that must not carry it (notices, errors, messages). */
const CANARY_SECRET = 'canary-secret-0123456789';

/** A path-style profile for a local Ceph radosgw, with the canary secret. */
export const cephProfile: Profile = {
  id: 'ceph',
  name: 'ceph',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: CANARY_SECRET,
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
};

/** The stored profiles with their secrets joined back (as the popup and signing read them). */
export async function storedProfiles(): Promise<Profile[]> {
  const { requireProfiles } = await import('@/utils/adapters/vault-store');
  return (await requireProfiles()).profiles;
}

/** The profile form's draft with a name and AWS's example keys, nothing else filled in. */
export const exampleKeysDraft: ProfileDraft = {
  ...EMPTY_DRAFT,
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
