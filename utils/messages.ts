import { i18n } from '#i18n';
import { isPresignError, PresignError, type PresignErrorCode } from './errors';
import type { SignedLink, SignLinkRequest } from './sign-link';

/** Every message between the extension's pages and its background, with its payload and its answer. */
export interface MessageMap {
  /** Popup → background: sign a link for an S3 URL with the stored profiles. */
  signLink: (request: SignLinkRequest) => SignedLink;
  /** Background → offscreen document (Chrome): put text on the clipboard. */
  writeClipboard: (request: { text: string }) => true;
}

export type MessageName = keyof MessageMap;
type Payload<N extends MessageName> = Parameters<MessageMap[N]>[0];
type Answer<N extends MessageName> = ReturnType<MessageMap[N]>;

interface Envelope<N extends MessageName = MessageName> {
  name: N;
  payload: Payload<N>;
}

/** What crosses the boundary: the value, or the error's code and user-facing message. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: PresignErrorCode; message: string } };

export type Handlers = { [N in MessageName]?: (payload: Payload<N>) => Promise<Answer<N>> | Answer<N> };

/** Minimal runtime surface, so the functions work with browser.runtime or a test double. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown) => Promise<unknown> | undefined): void;
    removeListener(listener: (message: unknown) => Promise<unknown> | undefined): void;
  };
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).name === 'string';
}

/** Sends a typed message and re-throws the handler's error as a PresignError with its code and message. */
export async function sendMessage<N extends MessageName>(
  runtime: MessageRuntime,
  name: N,
  payload: Payload<N>,
): Promise<Answer<N>> {
  const reply = (await runtime.sendMessage({ name, payload } satisfies Envelope<N>)) as
    | Reply<Answer<N>>
    | undefined;
  if (!reply) throw new PresignError('internal', i18n.t('messages.noAnswer', { name }));
  if (reply.ok) return reply.value;
  // An unexpected failure comes with no words (see onMessages): the sender says it, in the browser's language.
  throw new PresignError(reply.error.code, reply.error.message || i18n.t('messages.unexpected'));
}

/**
 * Answers the messages named in `handlers` and leaves the others to other listeners. Errors cross as
 * { code, message }: a PresignError keeps its own; anything else becomes a generic message with no details
 * that could hold a secret.
 */
export function onMessages(runtime: MessageRuntime, handlers: Handlers, signal?: AbortSignal): void {
  const listener = (message: unknown): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.name] as ((payload: unknown) => unknown) | undefined;
    if (!handler) return undefined;
    return (async (): Promise<Reply<unknown>> => {
      try {
        return { ok: true, value: await handler(message.payload) };
      } catch (error) {
        if (isPresignError(error)) return { ok: false, error: { code: error.code, message: error.message } };
        console.error(
          'S3 Presign: unexpected failure handling',
          message.name,
          error instanceof Error ? error.name : '',
        );
        // No message: the handler may run in the offscreen document, which has no browser.i18n; sendMessage
        // fills in messages.unexpected.
        return { ok: false, error: { code: 'internal', message: '' } };
      }
    })();
  };
  runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}
