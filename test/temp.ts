/** Temporary directories that are removed after the test that made them, or after the file when made outside a test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { cleanupAfterEachFile } from './cleanup.js';

const perFile: string[] = [];
cleanupAfterEachFile(() => {
  for (const dir of perFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const remove = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/**
 * A fresh directory under the OS temp dir. Made in a test or its beforeEach, it is removed when that test ends;
 * made in a describe body or a beforeAll, when the file ends.
 */
export function tempDir(prefix = 'gitops-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(remove(dir));
  } catch {
    // Outside a running test: vitest refuses onTestFinished, so the directory lives as long as the file.
    perFile.push(dir);
  }
  return dir;
}
