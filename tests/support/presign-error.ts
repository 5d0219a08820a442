import { isPresignError } from '@/utils/errors';

/** The PresignError code `run` rejects with, "none" when it resolves, or what else it threw. */
export async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'none';
  } catch (error) {
    return isPresignError(error) ? error.code : `not a PresignError: ${String(error)}`;
  }
}
