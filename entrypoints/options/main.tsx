import { render } from 'preact';
import { i18n } from '#i18n';
import { App } from './App';

// index.html's <title> is the English fallback; the tab shows the browser language's.
document.title = i18n.t('options.title');
render(<App />, document.getElementById('app') as HTMLElement);
