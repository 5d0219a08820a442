import { browser } from 'wxt/browser';
import { addCommands } from '@/utils/adapters/commands';
import { addContextMenu } from '@/utils/adapters/context-menu';
import { signWithStoredProfiles } from '@/utils/adapters/stored-signer';
import { onMessages } from '@/utils/messages';

export default defineBackground(() => {
  addContextMenu();
  addCommands();
  onMessages(browser.runtime, {
    signLink: signWithStoredProfiles,
  });
});
