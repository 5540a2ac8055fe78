/**
 * Cleanup hooks of shared test helpers. Test files share a worker's module cache (vitest `isolate: false`), so a
 * helper module is evaluated once per worker and a hook it registered at its top level would run for the first
 * file that imported it only. Helpers register their cleanups here instead; test/setup.ts (a setup file, run
 * before every test file) runs them after each test and after each file.
 */
type Cleanup = () => unknown;

const afterEachTest: Cleanup[] = [];
const afterEachFile: Cleanup[] = [];

/** Runs `cleanup` after every test of every file. */
export function cleanupAfterEachTest(cleanup: Cleanup): void {
  afterEachTest.push(cleanup);
}

/** Runs `cleanup` after every test file. */
export function cleanupAfterEachFile(cleanup: Cleanup): void {
  afterEachFile.push(cleanup);
}

export async function runTestCleanups(): Promise<void> {
  for (const cleanup of afterEachTest) await cleanup();
}

export async function runFileCleanups(): Promise<void> {
  for (const cleanup of afterEachFile) await cleanup();
}
