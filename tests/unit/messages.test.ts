import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import { type MessageRuntime, onMessages, sendMessage } from '@/utils/messages';

/** Two ends of a message channel in one process, the way runtime.sendMessage reaches other contexts. */
function channel(): MessageRuntime {
  const listeners = new Set<(message: unknown) => Promise<unknown> | undefined>();
  return {
    async sendMessage(message) {
      for (const listener of listeners) {
        const reply = listener(structuredClone(message));
        if (reply) return structuredClone(await reply);
      }
      return undefined;
    },
    onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
}

const signed = {
  url: 'https://b.s3.amazonaws.com/k',
  method: 'GET' as const,
  bucket: 'b',
  key: 'k',
  expiresIn: 60,
  expiresAt: '2026-01-01T00:00:00.000Z',
  profileName: 'p',
  requiredHeaders: {},
  warnings: [],
};

describe('typed messages', () => {
  it('returns the handler’s answer', async () => {
    const runtime = channel();
    onMessages(runtime, { signLink: () => signed });
    await expect(
      sendMessage(runtime, 'signLink', { url: 's3://b/k', method: 'GET', expiresIn: 60 }),
    ).resolves.toEqual(signed);
  });

  it('re-throws a PresignError with its code and message', async () => {
    const runtime = channel();
    onMessages(runtime, {
      signLink: () => {
        throw new PresignError('no-profile', 'Add a profile first.');
      },
    });
    const error = await sendMessage(runtime, 'signLink', { url: 'x', method: 'GET', expiresIn: 60 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PresignError);
    expect(error).toMatchObject({ code: 'no-profile', message: 'Add a profile first.' });
  });

  it('hides the text of unexpected errors', async () => {
    const runtime = channel();
    onMessages(runtime, {
      signLink: () => {
        throw new TypeError('secretAccessKey=wJalrXUtnFEMI is undefined');
      },
    });
    const error = (await sendMessage(runtime, 'signLink', { url: 'x', method: 'GET', expiresIn: 60 }).catch(
      (e: unknown) => e,
    )) as PresignError;
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('wJalrXUtnFEMI');
  });

  it('leaves messages it has no handler for to other listeners, and says when nobody answered', async () => {
    const runtime = channel();
    onMessages(runtime, { writeClipboard: () => true });
    const error = (await sendMessage(runtime, 'signLink', { url: 'x', method: 'GET', expiresIn: 60 }).catch(
      (e: unknown) => e,
    )) as PresignError;
    expect(error.message).toMatch(/did not answer “signLink”/);
  });

  it('stops answering once its signal aborts', async () => {
    const runtime = channel();
    const controller = new AbortController();
    onMessages(runtime, { writeClipboard: () => true }, controller.signal);
    await expect(sendMessage(runtime, 'writeClipboard', { text: 'a' })).resolves.toBe(true);
    controller.abort();
    await expect(sendMessage(runtime, 'writeClipboard', { text: 'a' })).rejects.toThrowError(
      /did not answer/,
    );
  });
});
