import { browser } from 'wxt/browser';
import { addCommands } from '@/utils/adapters/commands';
import { addContextMenu } from '@/utils/adapters/context-menu';
import { preferencesItem, profilesItem } from '@/utils/adapters/storage';
import { onMessages } from '@/utils/messages';
import { signLink } from '@/utils/sign-link';

export default defineBackground(() => {
  addContextMenu();
  addCommands();
  onMessages(browser.runtime, {
    signLink: async (request) => {
      const [profiles, preferences] = await Promise.all([
        profilesItem.getValue(),
        preferencesItem.getValue(),
      ]);
      return signLink(request, profiles, new Date(), preferences.lastProfileId);
    },
  });
});
