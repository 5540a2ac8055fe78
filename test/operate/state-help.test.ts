/** `state get --help` and `state restore --help` end with runnable examples and the exit statuses. */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('state --help', () => {
  it.each([
    ['get', "airbyte-gitops state get 'PostgreSQL → MinIO' --emulator"],
    ['restore', "airbyte-gitops state restore 'PostgreSQL → MinIO' --from pg-minio-state.json --yes"],
  ])('state %s', async (command, example) => {
    const { code, stdout } = await cli(['state', command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nExamples:\n {2}\$ airbyte-gitops /);
    expect(stdout).toContain(`  $ ${example}\n`);
    expect(stdout).toMatch(/\nExit status: 0 /);
  });

  it('lists both under state, and state under the program', async () => {
    const state = await cli(['state', '--help']);
    expect(state.stdout).toMatch(/\n {2}get \[options\] <connection-name> +print a connection's sync state as JSON/);
    expect(state.stdout).toMatch(/\n {2}restore \[options\] <connection-name> +write a saved sync state back/);
    expect((await cli(['--help'])).stdout).toMatch(/\n {2}state +read a connection's sync state/);
  });

  it('restore without --from is one usage error', async () => {
    const result = await cli(['state', 'restore', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("required option '--from <file>' not specified");
  });
});
