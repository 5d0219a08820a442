import type { JSX } from 'preact';
import { i18n } from '#i18n';

/** Links to the page's sections: ordinary anchors, so Tab and Enter reach them. */
export function OptionsNav(): JSX.Element {
  const links = [
    ['profiles', i18n.t('options.navProfiles')],
    ['defaults', i18n.t('options.navDefaults')],
    ['security', i18n.t('options.navSecurity')],
    ['shortcuts', i18n.t('options.navShortcuts')],
    ['about', i18n.t('options.navAbout')],
  ] as const;
  return (
    <nav aria-label={i18n.t('options.nav')} class="options-nav">
      {links.map(([id, label]) => (
        <a key={id} href={`#${id}`}>
          {label}
        </a>
      ))}
    </nav>
  );
}
