import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SignedPolicy } from '@/utils/adapters/post-policy-sign';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { curlCommand, FILENAME, htmlForm, parseSize } from '@/utils/post-policy';
import { ExpiryPicker } from './ExpiryPicker';
import { Field } from './Field';
import type { FolderToolProps } from './folder-tool';

/** A browser-form upload (presigned POST) for the folder: conditions in, a curl command and an HTML form out. */
export function PostPolicyPanel(props: FolderToolProps): JSX.Element {
  const { profile, region, bucket, prefix } = props;
  const [keyMode, setKeyMode] = useState<'prefix' | 'exact'>('prefix');
  const [key, setKey] = useState(prefix);
  const [maxSize, setMaxSize] = useState('10 MB');
  const [contentType, setContentType] = useState('');
  const [file, setFile] = useState('./photo.jpg');
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
        setError(isPresignError(caught) ? caught.message : 'The form could not be signed. Try again.');
      }
    })();
    return () => {
      live = false;
    };
  }, [profile, bucket, region, keyMode, key, maxSize, contentType, expiresIn]);

  const type = contentType.trim() || undefined;
  const outputs = post && {
    curl: curlCommand(post, { file, contentType: type }),
    html: htmlForm(post, { contentType: type }),
    json: JSON.stringify({ url: post.url, fields: post.fields }, null, 2),
  };
  const copy = async (name: string, text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied the ${name}.`);
    } catch {
      setCopied('Could not copy: select the text and press Ctrl+C.');
    }
  };

  return (
    <section class="stack" aria-label="Upload form">
      <div class="panel-head">
        <button type="button" class="link" onClick={props.onBack}>
          ← Back
        </button>
        <h2>Upload form for {bucket}</h2>
      </div>
      <p class="hint">
        A signed form anyone can upload with (curl or a web page) until it expires, within the conditions
        below. Nothing is sent to S3 now.
      </p>
      <fieldset class="method">
        <legend>Key</legend>
        <label class="check">
          <input
            type="radio"
            name="key-mode"
            checked={keyMode === 'prefix'}
            onChange={() => setKeyMode('prefix')}
          />
          Any name starting with
        </label>
        <label class="check">
          <input
            type="radio"
            name="key-mode"
            checked={keyMode === 'exact'}
            onChange={() => setKeyMode('exact')}
          />
          Exactly
        </label>
      </fieldset>
      <Field
        name="post-key"
        label={keyMode === 'prefix' ? 'Key prefix' : 'Exact key'}
        hint={keyMode === 'prefix' ? `The uploaded file’s name is appended (${FILENAME}).` : undefined}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="text"
            spellcheck={false}
            value={key}
            aria-describedby={describedBy}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field name="post-max" label="Maximum size" hint="e.g. 500 KB, 10 MB, 1 GB (at most 5 GB); empty: any.">
        {({ id, describedBy }) => (
          <input
            id={id}
            type="text"
            value={maxSize}
            aria-describedby={describedBy}
            onInput={(event) => setMaxSize(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field name="post-type" label="Content-Type starts with" hint="e.g. image/ — empty: any type.">
        {({ id, describedBy }) => (
          <input
            id={id}
            type="text"
            spellcheck={false}
            value={contentType}
            aria-describedby={describedBy}
            onInput={(event) => setContentType(event.currentTarget.value)}
          />
        )}
      </Field>
      <ExpiryPicker
        value={expiresIn}
        defaultValue={props.defaultExpiresIn}
        onChange={setExpiresIn}
        onInvalid={setExpiryError}
      />
      {(expiryError || error) && (
        <p class="error" role="alert">
          {expiryError ? 'No form until the custom duration above is fixed (see its message).' : error}
        </p>
      )}
      {outputs && post && !expiryError && (
        <>
          <p class="status">
            Expires in {formatDuration(post.expiresIn)} (
            {post.expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}).
            {post.warnings.map((warning) => ` ${warning.message}`).join('')}
          </p>
          <Field name="post-file" label="File to send (in the curl command)">
            {({ id }) => (
              <input
                id={id}
                type="text"
                value={file}
                onInput={(event) => setFile(event.currentTarget.value)}
              />
            )}
          </Field>
          <Output name="curl command" text={outputs.curl} onCopy={copy} />
          <Output name="HTML form" text={outputs.html} onCopy={copy} />
          <Output name="fields (JSON)" text={outputs.json} onCopy={copy} />
          {type && (
            <p class="hint">
              The uploader sends a Content-Type field starting with “{type}”; edit it to the file’s type.
            </p>
          )}
          {copied && (
            <p class="status" role="status">
              {copied}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Output(props: {
  name: string;
  text: string;
  onCopy: (name: string, text: string) => Promise<void>;
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
      <button type="button" onClick={() => void props.onCopy(props.name, props.text)}>
        Copy {props.name}
      </button>
    </div>
  );
}
