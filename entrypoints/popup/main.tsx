import { render } from 'preact';
import { preloadStored } from '@/components/hooks/use-stored';
import { bucketRegionsItem, preferencesItem, profilesItem } from '@/utils/adapters/storage';
import { App } from './App';

// Read what the first screen needs while the page renders its empty shell.
preloadStored(profilesItem, preferencesItem, bucketRegionsItem);
render(<App />, document.getElementById('app') as HTMLElement);
