/**
 * The in-process emulator behind the main commands' `--emulator` flag. Its state lives in
 * `<cwd>/.airbyte-emulator.json`, so `apply --emulator` followed by `plan --emulator` sees what apply made.
 */
import { join } from 'node:path';
import { GitopsError } from '../errors.js';
import { startEmulator } from './index.js';
import { UnwritableStateError } from './state.js';

/** File name of the embedded emulator's state, in the working directory (gitignored). */
export const EMBEDDED_STATE_FILE = '.airbyte-emulator.json';

/** Syncs finish quickly so a quick start does not wait, yet still pass through pending and running. */
const EMBEDDED_JOB_DURATION_MS = 5000;

/** The state file's directory is the working directory, so the generic --data hint would mislead. */
function withEmbeddedHint(error: unknown): unknown {
  if (!(error instanceof UnwritableStateError)) return error;
  return new GitopsError(error.code, error.message, {
    meta: error.meta,
    hint: `--emulator keeps its state in ./${EMBEDDED_STATE_FILE}: run the command from a writable directory`,
    cause: error,
  });
}

export async function startEmbeddedEmulator(cwd: string): Promise<{ url: string; stop(): Promise<void> }> {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    flavor: 'current',
    auth: { mode: 'none' },
    jobDurationMs: EMBEDDED_JOB_DURATION_MS,
    dataFile: join(cwd, EMBEDDED_STATE_FILE),
  }).catch((error: unknown) => {
    throw withEmbeddedHint(error);
  });
  return { url: emulator.url, stop: () => emulator.stop() };
}
