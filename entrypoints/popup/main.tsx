import { render } from 'preact';
import { preloadProfiles } from '@/components/hooks/use-profiles';
import { preloadStored } from '@/components/hooks/use-stored';
import { VaultGate } from '@/components/VaultGate';
import { bucketRegionsItem, preferencesItem } from '@/utils/adapters/storage';
import { App } from './App';

// Read what the first screen needs while the page renders its empty shell.
preloadProfiles();
preloadStored(preferencesItem, bucketRegionsItem);
render(
  <VaultGate>
    <App />
  </VaultGate>,
  document.getElementById('app') as HTMLElement,
);
