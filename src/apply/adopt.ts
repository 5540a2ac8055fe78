/**
 * A create is not idempotent: when its answer is lost (timeout, dropped connection, 5xx after sending), the
 * resource may exist. Look for it by name first; adopt it if it is there, send the create again only if not.
 */
import { GitopsError } from '../errors.js';
import type { Created } from './converge.js';

/** True for a client error that says the server may have acted on the call. */
function isAmbiguous(error: unknown): boolean {
  return error instanceof GitopsError && error.ambiguous;
}

/**
 * Sends `create` up to `attempts` times in all. After each ambiguous failure it calls `find`: a found id is
 * adopted. Any other failure, or an ambiguous one with nothing found after the last attempt, is thrown.
 */
export async function createOrAdopt(
  create: () => Promise<Created>,
  find: () => Promise<string | undefined>,
  attempts: number,
): Promise<{ created: Created } | { adopted: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { created: await create() };
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const found = await find();
      if (found !== undefined) return { adopted: found };
      if (attempt >= attempts) throw error;
    }
  }
}
