/**
 * The README's quick start with the built program, as a user runs it: no Airbyte, the embedded emulator keeping its
 * state under the user's state directory (one file per working directory), so apply's work is what the next plan sees.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedStateFile } from '../../src/emulator/embedded.js';
import { EXAMPLES, runBuiltCli } from '../cli.js';
import { tempDir } from '../temp.js';

describe('quick start (built CLI, --emulator)', () => {
  it('plans the examples, applies them, and then plans no changes', async () => {
    const cwd = tempDir('quick-start-');
    const env = { XDG_STATE_HOME: tempDir('quick-start-state-') };
    const first = await runBuiltCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd, env });
    expect(first.code, first.stderr).toBe(2);
    expect(first.stdout).toContain('Plan: 8 to create, 0 to update, 0 to delete.');
    const applied = await runBuiltCli(['apply', EXAMPLES, '--emulator', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 8 created, 0 updated, 0 deleted.');
    expect(existsSync(embeddedStateFile(cwd, env))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
    const again = await runBuiltCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd, env });
    expect(again.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(again.code).toBe(0);
  });
});
