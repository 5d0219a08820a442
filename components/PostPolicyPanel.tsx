import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SignedPolicy } from '@/utils/adapters/post-policy-sign';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import {
  checkTypeToSend,
  curlCommand,
  defaultTypeToSend,
  FILENAME,
  htmlForm,
  parseSize,
} from '@/utils/post-policy';
import { CopyStatus } from './CopyStatus';
import { ExpiryPicker } from './ExpiryPicker';
import { Field } from './Field';
import type { FolderToolProps } from './folder-tool';
import { TextField } from './TextField';

/** A browser-form upload (presigned POST) for the folder: conditions in, a curl command and an HTML form out. */
export function PostPolicyPanel(props: FolderToolProps): JSX.Element {
  const { profile, region, bucket, prefix } = props;
  const [keyMode, setKeyMode] = useState<'prefix' | 'exact'>('prefix');
  const [key, setKey] = useState(prefix);
  const [maxSize, setMaxSize] = useState('10 MB');
  const [contentType, setContentType] = useState('');
  const [file, setFile] = useState('./photo.jpg');
  /** The Content-Type the curl command sends; undefined: guessed from the file's name. */
  const [sendType, setSendType] = useState<string | undefined>(undefined);
  const [expiresIn, setExpiresIn] = useState(props.defaultExpiresIn);
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);
  const [post, setPost] = useState<SignedPolicy | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [copied, setCopied] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setCopied(undefined);
    void (async () => {
      try {
        const maxBytes = parseSize(maxSize);
        const { signPostPolicy } = await import('@/utils/adapters/post-policy-sign');
        const signed = await signPostPolicy(
          profile,
          bucket,
          { keyMode, key, maxBytes, contentTypePrefix: contentType, expiresIn },
          new Date(),
          region,
        );
        if (!live) return;
        setPost(signed);
        setError(undefined);
      } catch (caught) {
        if (!live) return;
        setPost(undefined);
        setError(isPresignError(caught) ? caught.message : i18n.t('postPolicy.signFailed'));
      }
    })();
    return () => {
      live = false;
    };
  }, [profile, bucket, region, keyMode, key, maxSize, contentType, expiresIn]);

  const type = contentType.trim() || undefined;
  // Never the bare prefix ("image/"): a whole type starting with it, guessed from the file or typed.
  const typeToSend = type === undefined ? undefined : (sendType ?? defaultTypeToSend(type, file));
  const typeProblem = type === undefined ? undefined : checkTypeToSend(type, typeToSend ?? '');
  const outputs = post && {
    curl: typeProblem ? undefined : curlCommand(post, { file, contentType: typeToSend }),
    html: htmlForm(post, { contentTypePrefix: type }),
    json: JSON.stringify({ url: post.url, fields: post.fields }, null, 2),
  };
  const copy = async (done: string, text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(done);
    } catch {
      setCopied(i18n.t('postPolicy.copyFailed'));
    }
  };

  return (
    <section class="stack" aria-label={i18n.t('postPolicy.label')}>
      <div class="panel-head">
        <button type="button" class="link" onClick={props.onBack}>
          {i18n.t('postPolicy.back')}
        </button>
        <h2>{i18n.t('postPolicy.title', { bucket })}</h2>
      </div>
      <p class="hint">{i18n.t('postPolicy.intro')}</p>
      <fieldset class="method">
        <legend>{i18n.t('postPolicy.key')}</legend>
        <label class="check">
          <input
            type="radio"
            name="key-mode"
            checked={keyMode === 'prefix'}
            onChange={() => setKeyMode('prefix')}
          />
          {i18n.t('postPolicy.startsWith')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="key-mode"
            checked={keyMode === 'exact'}
            onChange={() => setKeyMode('exact')}
          />
          {i18n.t('postPolicy.exactly')}
        </label>
      </fieldset>
      <TextField
        name="post-key"
        label={keyMode === 'prefix' ? i18n.t('postPolicy.prefix') : i18n.t('postPolicy.exact')}
        hint={keyMode === 'prefix' ? i18n.t('postPolicy.prefixHint', { token: FILENAME }) : undefined}
        spellcheck={false}
        value={key}
        onValue={setKey}
      />
      <TextField
        name="post-max"
        label={i18n.t('postPolicy.maxSize')}
        hint={i18n.t('postPolicy.maxSizeHint')}
        value={maxSize}
        onValue={setMaxSize}
      />
      <TextField
        name="post-type"
        label={i18n.t('postPolicy.type')}
        hint={i18n.t('postPolicy.typeHint')}
        spellcheck={false}
        value={contentType}
        onValue={setContentType}
      />
      <ExpiryPicker
        value={expiresIn}
        defaultValue={props.defaultExpiresIn}
        onChange={setExpiresIn}
        onInvalid={setExpiryError}
      />
      {(expiryError || error) && (
        <p class="error" role="alert">
          {expiryError ? i18n.t('postPolicy.fixExpiry') : error}
        </p>
      )}
      {outputs && post && !expiryError && (
        <>
          <p class="status">
            {i18n.t('postPolicy.expires', {
              duration: formatDuration(post.expiresIn),
              at: post.expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
            {post.warnings.map((warning) => ` ${warning.message}`).join('')}
          </p>
          <TextField name="post-file" label={i18n.t('postPolicy.file')} value={file} onValue={setFile} />
          {type !== undefined && (
            <Field name="post-send-type" label={i18n.t('postPolicy.sendType')} error={typeProblem}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="text"
                  spellcheck={false}
                  value={typeToSend}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onInput={(event) => setSendType(event.currentTarget.value)}
                />
              )}
            </Field>
          )}
          {outputs.curl !== undefined && (
            <Output
              name={i18n.t('postPolicy.curl')}
              copy={i18n.t('postPolicy.copyCurl')}
              done={i18n.t('postPolicy.copiedCurl')}
              text={outputs.curl}
              onCopy={copy}
            />
          )}
          <Output
            name={i18n.t('postPolicy.html')}
            copy={i18n.t('postPolicy.copyHtml')}
            done={i18n.t('postPolicy.copiedHtml')}
            text={outputs.html}
            onCopy={copy}
          />
          <Output
            name={i18n.t('postPolicy.json')}
            copy={i18n.t('postPolicy.copyJson')}
            done={i18n.t('postPolicy.copiedJson')}
            text={outputs.json}
            onCopy={copy}
          />
          {type && <p class="hint">{i18n.t('postPolicy.typeNote', { type })}</p>}
          <CopyStatus text={copied} />
        </>
      )}
    </section>
  );
}

/** One output box; `name` labels it, `copy` is its button, `done` the status once copied. */
function Output(props: {
  name: string;
  copy: string;
  done: string;
  text: string;
  onCopy: (done: string, text: string) => Promise<void>;
}): JSX.Element {
  return (
    <div class="stack post-output">
      <textarea
        readonly
        rows={4}
        value={props.text}
        aria-label={props.name}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={() => void props.onCopy(props.done, props.text)}>
        {props.copy}
      </button>
    </div>
  );
}
