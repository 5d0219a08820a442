import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18n } from '#i18n';
import { splitBucketAddress } from '@/components/options/bucket-address';
import { saveFailedMessage } from '@/components/options/save-failed';
import { readShortcuts } from '@/components/ShortcutList';

// What the settings page says when the browser fails it: the browser's reason in words, never an empty table or
// the error's class name; and the bucket's place as one message with a slot, for translators.

describe('saveFailedMessage (Defaults, Profile per bucket)', () => {
  it('gives the browser’s reason, not the error’s name', () => {
    const message = saveFailedMessage(new Error('QUOTA_BYTES quota exceeded'));
    expect(message).toBe(
      'The browser did not save the change: QUOTA_BYTES quota exceeded. Try again; if it keeps failing, reload S3 Presign on the browser’s extensions page.',
    );
    expect(message).not.toContain('Error.');
  });

  it.each([
    [new TypeError(''), 'TypeError'],
    ['storage is gone', 'storage is gone'],
    [undefined, 'no reason given'],
  ])('%o → %s', (caught, reason) => {
    expect(saveFailedMessage(caught)).toContain(`did not save the change: ${reason}.`);
  });
});

describe('readShortcuts (the Shortcuts section)', () => {
  it('says why when the browser does not give the shortcuts', async () => {
    // fakeBrowser has no commands.getAll: it throws, as a browser refusing would.
    const read = await readShortcuts(fakeBrowser.commands);
    expect(read).toEqual({
      error: expect.stringMatching(
        /^The browser did not give the shortcuts: .+\. See them at chrome:\/\/extensions\/shortcuts/,
      ),
    });
  });

  it('lists the bound shortcuts, naming the popup’s own', async () => {
    const read = await readShortcuts({
      getAll: async () => [
        { name: '_execute_action', shortcut: 'Alt+Shift+S' },
        { name: 'copy-presigned-link', description: 'Copy', shortcut: '' },
      ],
    });
    expect(read).toEqual({
      shortcuts: [
        { name: '_execute_action', description: 'Open S3 Presign', shortcut: 'Alt+Shift+S' },
        { name: 'copy-presigned-link', description: 'Copy', shortcut: '' },
      ],
    });
  });
});

describe('splitBucketAddress', () => {
  it('names another AWS partition through one message with a slot', () => {
    expect(i18n.t('defaults.awsPartition', { partition: 'aws-us-gov' })).toBe('AWS (aws-us-gov)');
    expect(splitBucketAddress('aws-us-gov|records').where).toBe('AWS (aws-us-gov)');
  });
});
