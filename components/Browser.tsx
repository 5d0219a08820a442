import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useBrowseState } from '@/components/hooks/browse-state';
import { useEscapeUp } from '@/components/hooks/use-escape-up';
import { type Location, useListing } from '@/components/hooks/use-listing';
import { rememberBucketProfile } from '@/utils/adapters/bucket-profiles';
import {
  bucketRegionsItem,
  lastPickedItem,
  type Preferences,
  preferencesItem,
} from '@/utils/adapters/storage';
import type { BulkObject } from '@/utils/bulk-links';
import { markedObjects } from '@/utils/bulk-selection';
import { bucketKey, learnedRegion } from '@/utils/choose-profile';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { parentLocation, type Row } from '@/utils/listing';
import type { Profile } from '@/utils/profile';
import { signObject } from '@/utils/sign-object';
import { BrowseView, type FolderTool } from './BrowseView';
import { HostAccessNotice } from './HostAccessNotice';
import { lazy } from './lazy';
import type { PickedObject } from './ObjectPanel';

// The folder tools load on first use: the popup's first paint carries only browsing.
// The link panel (options, versions, the signed link's tools) loads when an object is opened: browsing and the
// one-click Copy do not need it, so the popup's first paint does not carry it.
const ObjectPanel = lazy(() => import('./ObjectPanel').then((m) => m.ObjectPanel));
const BulkLinks = lazy(() => import('./BulkLinks').then((m) => m.BulkLinks));
const UploadPanel = lazy(() => import('./UploadPanel').then((m) => m.UploadPanel));
const PostPolicyPanel = lazy(() => import('./PostPolicyPanel').then((m) => m.PostPolicyPanel));

/** A folder tool open in place of the list; `objects`: the ticked objects bulk links are for. */
type OpenTool =
  | { kind: Exclude<FolderTool, 'marked-links'>; objects?: undefined }
  | { kind: 'marked-links'; objects: BulkObject[] };

/** The upload panel, opened in a tab (?tool=upload), where files can be dropped: the toolbar popup closes first. */
function toolFromAddress(): OpenTool | undefined {
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('tool');
  return asked === 'upload' ? { kind: 'upload' } : undefined;
}

interface BrowserProps {
  profile: Profile;
  preferences: Preferences;
  regions: Record<string, string>;
}

function startAt(profile: Profile, preferences: Preferences): Location {
  return preferences.lastLocation?.[profile.id] ?? { bucket: profile.defaultBucket ?? '', prefix: '' };
}

/** Remembers what the user picked: for the shortcut (last object) and the menu (which profile signs this bucket). */
async function remember(profile: Profile, object: PickedObject, versionId?: string): Promise<void> {
  await Promise.all([
    lastPickedItem.setValue({
      profileId: profile.id,
      bucket: object.bucket,
      key: object.key,
      ...(versionId ? { versionId } : {}),
      pickedAt: new Date().toISOString(),
    }),
    rememberBucketProfile(profile, object.bucket),
  ]);
}

/** Browsing one profile's buckets, and an object's link options. */
export function Browser({ profile, preferences, regions }: BrowserProps): JSX.Element {
  const [location, setLocation] = useState<Location>(() => startAt(profile, preferences));
  const [picked, setPicked] = useState<PickedObject | undefined>(undefined);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | undefined>(undefined);
  const [tool, setTool] = useState<OpenTool | undefined>(toolFromAddress);
  const region = location.bucket ? learnedRegion(profile, location.bucket, regions) : undefined;
  const listing = useListing(profile, location, region);
  // Kept here, not in BrowseView, which an object's options replace: Back finds the filter and row as they were.
  const browse = useBrowseState(`${location.bucket}/${location.prefix}`);

  const go = (next: Location): void => {
    // Opening a bucket with this profile is choosing it for the bucket: the menu and shortcut follow.
    if (next.bucket && next.bucket !== location.bucket) void rememberBucketProfile(profile, next.bucket);
    setLocation(next);
    setNotice(undefined);
    setTool(undefined);
    void preferencesItem.getValue().then((current) =>
      preferencesItem.setValue({
        ...current,
        lastLocation: { ...current.lastLocation, [profile.id]: next },
      }),
    );
  };

  const pickedFrom = (row: Extract<Row, { kind: 'object' }>): PickedObject => ({
    bucket: location.bucket,
    key: row.key,
    size: row.size,
    lastModified: row.lastModified,
  });

  const copy = async (row: Extract<Row, { kind: 'object' }>): Promise<void> => {
    try {
      const object = pickedFrom(row);
      const link = await signObject(
        profile,
        { bucket: object.bucket, key: object.key, method: 'GET', expiresIn: preferences.defaultExpiresIn },
        new Date(),
        region,
      );
      await navigator.clipboard.writeText(link.url);
      // History: best effort, loaded on first use (never holds up or breaks the copy).
      void import('@/utils/adapters/history-store')
        .then(({ recordLink }) => recordLink(link, { source: 'popup', profileId: profile.id }))
        .catch(() => undefined);
      await remember(profile, object);
      const at = new Date(link.expiresAt).toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
      });
      const warning = link.warnings.map((w) => ` ${w.message}`).join('');
      setNotice({
        text:
          i18n.t('browser.copied', { name: row.name, at, duration: formatDuration(link.expiresIn) }) +
          warning,
      });
    } catch (error) {
      setNotice({
        text: isPresignError(error) ? error.message : i18n.t('browser.copyFailed'),
        error: true,
      });
    }
  };

  const parent = parentLocation(location);
  const up = picked
    ? () => setPicked(undefined)
    : tool
      ? () => setTool(undefined)
      : parent && (() => go(parent));
  useEscapeUp(`${location.bucket}/${location.prefix}\n${picked?.key ?? ''}\n${tool?.kind ?? ''}`, up);

  const useRegion = (name: string): void => {
    void bucketRegionsItem.setValue({
      ...regions,
      [bucketKey(profile.endpoint, location.bucket, profile.region)]: name,
    });
  };

  if (picked)
    return (
      <ObjectPanel
        profile={profile}
        object={picked}
        region={region}
        defaultExpiresIn={preferences.defaultExpiresIn}
        defaultMethod={preferences.defaultMethod}
        onBack={() => setPicked(undefined)}
        onSetDefault={(seconds) =>
          void preferencesItem
            .getValue()
            .then((current) => preferencesItem.setValue({ ...current, defaultExpiresIn: seconds }))
        }
        onCopied={(versionId) => void remember(profile, picked, versionId)}
      />
    );
  if (tool) {
    const toolProps = {
      profile,
      region,
      bucket: location.bucket,
      prefix: location.prefix,
      defaultExpiresIn: preferences.defaultExpiresIn,
      onBack: () => setTool(undefined),
    };
    if (tool.kind === 'upload') return <UploadPanel {...toolProps} onUploaded={listing.refresh} />;
    if (tool.kind === 'post-policy') return <PostPolicyPanel {...toolProps} />;
    return <BulkLinks {...toolProps} objects={tool.objects} />;
  }
  return (
    <>
      <HostAccessNotice profile={profile} />
      {notice && (
        <p class={notice.error ? 'error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <BrowseView
        listing={listing}
        location={location}
        browse={browse}
        onGo={go}
        onOptions={(row) => {
          const object = pickedFrom(row);
          setPicked(object);
          void remember(profile, object);
        }}
        onCopy={(row) => void copy(row)}
        onUseRegion={useRegion}
        onTool={(kind) =>
          setTool(kind === 'marked-links' ? { kind, objects: markedObjects(browse.marked) } : { kind })
        }
      />
    </>
  );
}
