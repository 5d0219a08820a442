import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { userGrantedHosts } from './granted-hosts';

/** The hosts the user allowed beyond the manifest's own (optional_host_permissions), each with Revoke. */
export function HostAccess(): JSX.Element {
  const [granted, setGranted] = useState<string[] | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);

  const read = async (): Promise<void> => {
    const { origins = [] } = await browser.permissions.getAll();
    setGranted(userGrantedHosts(origins, browser.runtime.getManifest().host_permissions ?? []));
  };
  useEffect(() => {
    void read();
    // A grant made elsewhere (the popup saving a profile, the browser's own settings) shows up here too.
    const changed = (): void => void read();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);

  const revoke = async (origin: string): Promise<void> => {
    try {
      const removed = await browser.permissions.remove({ origins: [origin] });
      if (!removed) throw new Error('refused');
      setMessage({ text: i18n.t('about.revoked', { origin }), error: false });
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : 'refused';
      setMessage({ text: i18n.t('about.revokeFailed', { origin, reason }), error: true });
    }
    await read();
  };

  return (
    <section class="stack" aria-labelledby="hosts-title">
      <h3 id="hosts-title">{i18n.t('about.hostsTitle')}</h3>
      <p>{i18n.t('about.hostsBuiltIn')}</p>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {granted === undefined ? (
        <div aria-busy="true" />
      ) : granted.length === 0 ? (
        <p class="hint">{i18n.t('about.hostsNone')}</p>
      ) : (
        <>
          <p>{i18n.t('about.hostsGranted')}</p>
          <ul class="granted-hosts">
            {granted.map((origin) => (
              <li key={origin}>
                <code>{origin}</code>
                <button
                  type="button"
                  class="secondary"
                  aria-label={i18n.t('about.revokeLabel', { origin })}
                  onClick={() => void revoke(origin)}
                >
                  {i18n.t('about.revoke')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
