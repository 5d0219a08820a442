import { browser } from 'wxt/browser';
import { addCommands } from '@/utils/adapters/commands';
import { addContextMenu } from '@/utils/adapters/context-menu';
import { addNoticeClicks } from '@/utils/adapters/notify';
import { signWithStoredProfiles } from '@/utils/adapters/stored-signer';
import { addAutoLock } from '@/utils/adapters/vault-store';
import { onMessages } from '@/utils/messages';

export default defineBackground(() => {
  addContextMenu();
  addCommands();
  addNoticeClicks();
  addAutoLock();
  onMessages(browser.runtime, {
    signLink: signWithStoredProfiles,
  });
});
