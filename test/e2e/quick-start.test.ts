/**
 * The README's quick start with the built program, as a user runs it: no Airbyte, the embedded emulator keeping its
 * state in the working directory, so apply's work is what the next plan sees.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runBuiltCli } from '../cli.js';
import { tempDir } from '../temp.js';

describe('quick start (built CLI, --emulator)', () => {
  it('plans the examples, applies them, and then plans no changes', async () => {
    const cwd = tempDir('quick-start-');
    const first = await runBuiltCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd });
    expect(first.code, first.stderr).toBe(2);
    expect(first.stdout).toContain('Plan: 8 to create, 0 to update, 0 to delete.');
    const applied = await runBuiltCli(['apply', EXAMPLES, '--emulator', '--auto-approve'], { cwd });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 8 created, 0 updated, 0 deleted.');
    expect(existsSync(join(cwd, '.airbyte-emulator.json'))).toBe(true);
    const again = await runBuiltCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd });
    expect(again.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(again.code).toBe(0);
  });
});
