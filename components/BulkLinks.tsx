import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { listAllObjects } from '@/utils/adapters/list-recursive';
import {
  type BulkObject,
  type BulkProgress,
  type BulkResult,
  linksAsCsv,
  linksAsLines,
  progressText,
  signBulkLinks,
} from '@/utils/bulk-links';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { credentialsOf, type Profile } from '@/utils/profile';
import type { SignedLink } from '@/utils/sign-link';
import { CopyStatus } from './CopyStatus';
import { ExpiryPicker } from './ExpiryPicker';
import type { FolderToolProps } from './folder-tool';

interface BulkLinksProps extends FolderToolProps {
  /** The ticked objects; undefined: every object under the folder, at any depth. */
  objects?: BulkObject[] | undefined;
}

/** Above this many links, signing waits for a confirmation. */
export const CONFIRM_ABOVE = 1_000;
/** Batches up to this size go into the history; a larger one would push everything else out of it. */
const HISTORY_BATCH = 100;

type Stage =
  | { kind: 'listing'; found: number }
  | { kind: 'ready'; objects: BulkObject[] }
  | { kind: 'signing'; objects: BulkObject[]; progress: BulkProgress }
  | { kind: 'done'; objects: BulkObject[]; result: BulkResult; ms: number }
  | { kind: 'error'; message: string; objects?: BulkObject[] };

const count = (n: number): string => n.toLocaleString('en-US');

/** Links for many objects at once: listed (a whole folder), confirmed above 1,000, signed in chunks, copied. */
export function BulkLinks(props: BulkLinksProps): JSX.Element {
  const { profile, region, bucket, prefix } = props;
  const [expiresIn, setExpiresIn] = useState(props.defaultExpiresIn);
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);
  const [stage, setStage] = useState<Stage>(() =>
    props.objects ? { kind: 'ready', objects: props.objects } : { kind: 'listing', found: 0 },
  );
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (props.objects) return;
    const controller = new AbortController();
    abort.current = controller;
    listAllObjects(profile, bucket, prefix, {
      region,
      signal: controller.signal,
      onProgress: (found) => setStage({ kind: 'listing', found }),
    }).then(
      (objects) => {
        if (!controller.signal.aborted) setStage({ kind: 'ready', objects });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setStage({ kind: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [profile, bucket, prefix, region, props.objects]);

  // Leaving the panel stops whatever runs.
  useEffect(() => () => abort.current?.abort(), []);

  const sign = async (objects: BulkObject[]): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setCopied(undefined);
    setStage({ kind: 'signing', objects, progress: { done: 0, total: objects.length } });
    const started = performance.now();
    try {
      const result = await signBulkLinks(
        objects,
        {
          credentials: credentialsOf(profile),
          region: region ?? profile.region,
          endpoint: profile.endpoint,
          forcePathStyle: profile.forcePathStyle,
          bucket,
          expiresIn,
          now: new Date(),
        },
        {
          signal: controller.signal,
          onProgress: (progress) => setStage({ kind: 'signing', objects, progress }),
        },
      );
      setStage({ kind: 'done', objects, result, ms: performance.now() - started });
    } catch (error) {
      if (controller.signal.aborted) setStage({ kind: 'ready', objects });
      else setStage({ kind: 'error', message: messageOf(error), objects });
    }
  };

  const copy = async (result: BulkResult, as: 'lines' | 'csv'): Promise<void> => {
    const text = as === 'csv' ? linksAsCsv(result.links, result.expiresAt) : linksAsLines(result.links);
    try {
      await navigator.clipboard.writeText(text);
      const n = count(result.links.length);
      setCopied(as === 'csv' ? i18n.t('bulkLinks.copiedCsv', { n }) : i18n.t('bulkLinks.copiedLines', { n }));
      record(profile, bucket, result);
    } catch {
      setCopied(i18n.t('bulkLinks.copyFailed'));
    }
  };

  const where = `${bucket}/${prefix}`;
  return (
    <section class="stack" aria-label={i18n.t('bulkLinks.label')}>
      <div class="panel-head">
        <button type="button" class="link" onClick={props.onBack}>
          {i18n.t('bulkLinks.back')}
        </button>
        <h2>{props.objects ? i18n.t('bulkLinks.titleTicked') : i18n.t('bulkLinks.title', { where })}</h2>
      </div>
      {stage.kind === 'listing' && (
        <>
          <p class="status" role="status" aria-busy="true">
            {i18n.t('bulkLinks.listing', { where, found: count(stage.found) })}
          </p>
          <button type="button" class="secondary" onClick={props.onBack}>
            {i18n.t('bulkLinks.cancel')}
          </button>
        </>
      )}
      {stage.kind === 'error' && (
        <p class="error" role="alert">
          {stage.message}
        </p>
      )}
      {stage.kind !== 'listing' && stage.objects && (
        <>
          <p class="status" role="status">
            {props.objects
              ? i18n.t('bulkLinks.ticked', stage.objects.length, { n: count(stage.objects.length) })
              : i18n.t('bulkLinks.under', stage.objects.length, { n: count(stage.objects.length), where })}
          </p>
          {stage.kind !== 'signing' && (
            <ExpiryPicker
              value={expiresIn}
              defaultValue={props.defaultExpiresIn}
              onChange={(seconds) => {
                setExpiresIn(seconds);
                if (stage.kind === 'done') setStage({ kind: 'ready', objects: stage.objects });
              }}
              onInvalid={setExpiryError}
            />
          )}
        </>
      )}
      {(stage.kind === 'ready' || (stage.kind === 'error' && stage.objects)) &&
        stage.objects &&
        stage.objects.length > 0 && (
          <SignButton objects={stage.objects} disabled={Boolean(expiryError)} onSign={sign} />
        )}
      {stage.kind === 'ready' && stage.objects.length === 0 && <p class="hint">{i18n.t('bulkLinks.none')}</p>}
      {stage.kind === 'signing' && (
        <div class="bulk-progress">
          <progress
            value={stage.progress.done}
            max={stage.progress.total}
            aria-label={i18n.t('bulkLinks.progress')}
          />
          <p class="status" role="status">
            {progressText(stage.progress)}
          </p>
          <button type="button" class="secondary" onClick={() => abort.current?.abort()}>
            {i18n.t('bulkLinks.cancel')}
          </button>
        </div>
      )}
      {stage.kind === 'done' && (
        <>
          <p class="notice" role="status">
            {i18n.t('bulkLinks.signed', {
              n: count(stage.result.links.length),
              seconds: (stage.ms / 1000).toFixed(1),
              at: stage.result.expiresAt.toLocaleString(undefined, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
              duration: formatDuration(stage.result.expiresIn),
            })}
          </p>
          {stage.result.warnings.map((warning) => (
            <p key={warning} class="hint">
              {warning}
            </p>
          ))}
          <div class="row">
            <button type="button" onClick={() => void copy(stage.result, 'lines')}>
              {i18n.t('bulkLinks.copyLines')}
            </button>
            <button type="button" onClick={() => void copy(stage.result, 'csv')}>
              {i18n.t('bulkLinks.copyCsv')}
            </button>
          </div>
          <p class="hint">{i18n.t('bulkLinks.csvHint')}</p>
          <CopyStatus text={copied} />
        </>
      )}
    </section>
  );
}

function SignButton(props: {
  objects: BulkObject[];
  disabled: boolean;
  onSign: (objects: BulkObject[]) => Promise<void>;
}): JSX.Element {
  const many = props.objects.length > CONFIRM_ABOVE;
  return (
    <>
      {many && <p class="hint">{i18n.t('bulkLinks.confirm', { n: count(CONFIRM_ABOVE) })}</p>}
      <button type="button" disabled={props.disabled} onClick={() => void props.onSign(props.objects)}>
        {many
          ? i18n.t('bulkLinks.signAll', { n: count(props.objects.length) })
          : i18n.t('bulkLinks.sign', { n: count(props.objects.length) })}
      </button>
    </>
  );
}

function messageOf(error: unknown): string {
  return isPresignError(error) ? error.message : i18n.t('bulkLinks.failed');
}

/** Puts a small batch into the history (best effort); a large one is left out, so it does not flush the rest. */
function record(profile: Profile, bucket: string, result: BulkResult): void {
  if (result.links.length > HISTORY_BATCH) return;
  const links: SignedLink[] = result.links.map((link) => ({
    url: link.url,
    method: 'GET',
    bucket,
    key: link.key,
    expiresIn: result.expiresIn,
    expiresAt: result.expiresAt.toISOString(),
    profileName: profile.name,
    profileId: profile.id,
    requiredHeaders: {},
    warnings: [],
  }));
  void import('@/utils/adapters/history-store')
    .then(({ recordLinks }) => recordLinks(links, { source: 'bulk', profileId: profile.id }))
    .catch(() => undefined);
}
