/**
 * Where `--emulator` keeps its state: outside the working directory (a pipeline repository, where `git add .` would
 * commit the secrets), one file per directory under the user's state directory, or where AIRBYTE_EMULATOR_STATE says.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedStateFile } from '../../src/emulator/embedded.js';
import { EXAMPLES, runCli } from '../cli.js';
import { tempDir } from '../temp.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the embedded emulator keeps its state outside the working directory', () => {
  it('plan, apply, plan from one directory: no file in the cwd, the state under $XDG_STATE_HOME, its path printed once', async () => {
    const cwd = tempDir('gitops-repo-');
    const env = { XDG_STATE_HOME: tempDir('gitops-state-') };
    const file = embeddedStateFile(cwd, env);
    expect(file).toMatch(new RegExp(`^${env.XDG_STATE_HOME}/airbyte-gitops/emulator/[0-9a-f]{16}\\.json$`));

    const first = await runCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd, env });
    expect(first.code, first.stderr).toBe(2);
    const applied = await runCli(['apply', EXAMPLES, '--emulator', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain(`note: --emulator keeps its state in ${file} (delete it to start over)\n`);
    const again = await runCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd, env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(again.stderr).toBe('');

    expect(readdirSync(cwd)).toEqual([]);
    expect(mode(file)).toBe(0o600);
    expect(mode(dirname(file))).toBe(0o700);
  });

  it('another directory gets its own state', async () => {
    const env = { XDG_STATE_HOME: tempDir('gitops-state-') };
    const one = tempDir('gitops-repo-');
    const other = tempDir('gitops-repo-');
    expect(embeddedStateFile(one, env)).not.toBe(embeddedStateFile(other, env));
    expect(embeddedStateFile(one, env)).toBe(embeddedStateFile(`${one}/.`, env));
    await runCli(['apply', EXAMPLES, '--emulator', '--auto-approve'], { cwd: one, env });
    const fresh = await runCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd: other, env });
    expect(fresh.code).toBe(2);
  });

  it('without XDG_STATE_HOME, ~/.local/state', () => {
    expect(embeddedStateFile('/work/repo', { HOME: '/home/me' })).toMatch(/^\/home\/me\/\.local\/state\/airbyte-gitops\/emulator\/[0-9a-f]{16}\.json$/);
    expect(embeddedStateFile('/work/repo', { HOME: '/home/me', XDG_STATE_HOME: 'relative' })).toMatch(/^\/home\/me\/\.local\/state\//);
  });

  it('AIRBYTE_EMULATOR_STATE names the file (relative to the cwd)', async () => {
    const cwd = tempDir('gitops-repo-');
    const env = { XDG_STATE_HOME: tempDir('gitops-state-'), AIRBYTE_EMULATOR_STATE: 'ignored/../state.json' };
    const applied = await runCli(['apply', EXAMPLES, '--emulator', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(existsSync(join(cwd, 'state.json'))).toBe(true);
    expect(readdirSync(env.XDG_STATE_HOME)).toEqual([]);
    const again = await runCli(['plan', EXAMPLES, '--emulator', '--detailed-exitcode'], { cwd, env });
    expect(again.code).toBe(0);
  });

  it('a leftover ./.airbyte-emulator.json from older versions is pointed out, not read', async () => {
    const cwd = tempDir('gitops-repo-');
    writeFileSync(join(cwd, '.airbyte-emulator.json'), '{}');
    const env = { XDG_STATE_HOME: tempDir('gitops-state-') };
    const result = await runCli(['plan', EXAMPLES, '--emulator'], { cwd, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('note: ./.airbyte-emulator.json (the state of older versions, secrets included) is no longer read');
  });

  it('a state directory that cannot be made is one error naming the file and what to set', async () => {
    const blocker = join(tempDir('gitops-state-'), 'file');
    writeFileSync(blocker, '');
    const result = await runCli(['plan', EXAMPLES, '--emulator'], { env: { XDG_STATE_HOME: blocker } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: --emulator cannot keep its state in .*\/file\/airbyte-gitops\/emulator\/[0-9a-f]{16}\.json: its directory cannot be created/,
    );
    expect(result.stderr).toContain('AIRBYTE_EMULATOR_STATE');
    expect(result.stderr).not.toContain('    at ');
  });
});
