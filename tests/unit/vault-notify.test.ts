import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addNoticeClicks, notify } from '@/utils/adapters/notify';
import { PresignError } from '@/utils/errors';
import { failureNotice } from '@/utils/notice';

type Listener = (id: string) => void;
let clicked: Listener | undefined;
const create = vi.fn(async () => 'id');
const clear = vi.fn(async () => true);
const openPopup = vi.fn(async () => undefined);
const createTab = vi.fn(async () => ({ id: 2 }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  clicked = undefined;
  Object.assign(fakeBrowser, {
    notifications: {
      create,
      clear,
      onClicked: {
        addListener: (listener: Listener) => {
          clicked = listener;
        },
      },
    },
    action: { openPopup },
  });
  fakeBrowser.tabs.create = createTab as never;
  addNoticeClicks();
});

const locked = failureNotice(new PresignError('vault-locked', 'Your keys are locked with your passphrase.'));

describe('the locked notice', () => {
  it('is titled "Unlock S3 Presign to copy links" and opens the popup when clicked', async () => {
    expect(locked).toMatchObject({ title: 'Unlock S3 Presign to copy links', action: 'unlock' });
    await notify(locked);
    clicked?.('s3-presign');
    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledOnce());
    expect(createTab).not.toHaveBeenCalled();
    expect(clear).toHaveBeenCalledWith('s3-presign');
  });

  it('opens the popup page in a tab where the browser refuses to open the popup', async () => {
    openPopup.mockRejectedValueOnce(new Error('openPopup requires a user gesture'));
    await notify(locked);
    clicked?.('s3-presign');
    await vi.waitFor(() => expect(createTab).toHaveBeenCalledOnce());
    expect(createTab).toHaveBeenCalledWith({ url: expect.stringMatching(/\/popup\.html$/) });
  });

  it('a click on any other notice opens nothing', async () => {
    await notify(failureNotice(new PresignError('no-profile', 'No profile.')));
    clicked?.('s3-presign');
    await vi.waitFor(() => expect(clear).toHaveBeenCalled());
    expect(openPopup).not.toHaveBeenCalled();
    expect(createTab).not.toHaveBeenCalled();
  });
});
