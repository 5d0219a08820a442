import { render } from 'preact';
import { i18n } from '#i18n';
import { preloadProfiles } from '@/components/hooks/use-profiles';
import { preloadStored } from '@/components/hooks/use-stored';
import { VaultGate } from '@/components/VaultGate';
import { bucketRegionsItem, preferencesItem } from '@/utils/adapters/storage';
import { App } from './App';

// index.html's <title> is the English fallback; a tab (the upload tool opens one) shows the browser language's.
document.title = i18n.t('extName');
// Read what the first screen needs while the page renders its empty shell.
preloadProfiles();
preloadStored(preferencesItem, bucketRegionsItem);
render(
  <VaultGate>
    <App />
  </VaultGate>,
  document.getElementById('app') as HTMLElement,
);
