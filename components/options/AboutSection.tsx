import type { JSX } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { HostAccess } from './HostAccess';

/** The version the browser loaded, what each permission is for, and the hosts the user allowed. */
export function AboutSection(): JSX.Element {
  const manifest = browser.runtime.getManifest();
  const permissions = new Set(manifest.permissions ?? []);
  const explained = [
    ['storage', i18n.t('about.permStorage')],
    ['contextMenus', i18n.t('about.permContextMenus')],
    ['clipboardWrite', i18n.t('about.permClipboardWrite')],
    ['notifications', i18n.t('about.permNotifications')],
    ['activeTab', i18n.t('about.permActiveTab')],
    ['offscreen', i18n.t('about.permOffscreen')],
  ] as const;
  return (
    <section id="about" class="stack" aria-labelledby="about-title">
      <h2 id="about-title">{i18n.t('about.title')}</h2>
      <p>
        <strong>{i18n.t('extName')}</strong> · {i18n.t('about.version', { version: manifest.version })}
      </p>
      <p class="hint">{i18n.t('about.signsLocally')}</p>
      <section class="stack" aria-labelledby="permissions-title">
        <h3 id="permissions-title">{i18n.t('about.permissionsTitle')}</h3>
        <ul class="permissions">
          {/* Only what this browser's build asks for: Firefox has no offscreen permission. */}
          {explained
            .filter(([name]) => permissions.has(name))
            .map(([name, text]) => (
              <li key={name}>{text}</li>
            ))}
        </ul>
      </section>
      <HostAccess />
    </section>
  );
}
