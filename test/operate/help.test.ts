/** Every ops command's --help ends with runnable examples and shows its defaults unquoted (build first). */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('ops --help', () => {
  it.each([
    ['check', 'airbyte-gitops check examples/pipelines --emulator'],
    ['discover', "airbyte-gitops discover 'PostgreSQL - Ecommerce' --emulator"],
    ['sync', "airbyte-gitops sync 'PostgreSQL → MinIO' --emulator --wait"],
    ['jobs', "airbyte-gitops jobs 'PostgreSQL → MinIO' --emulator"],
    ['cancel', 'airbyte-gitops cancel 12 --emulator'],
    ['export', "airbyte-gitops export 'PostgreSQL → MinIO' --out pipelines/ --force"],
  ])('%s', async (command, example) => {
    const { code, stdout } = await cli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nExamples:\n {2}\$ airbyte-gitops /);
    expect(stdout).toContain(`  $ ${example}\n`);
    // Names with spaces and arrows are quoted in every example that takes one (check takes paths).
    if (command !== 'check') expect(stdout).toMatch(/ '[^']+ [→-] [^']+'/);
    expect(stdout).toMatch(/\nExit status: 0 /);
    expect(stdout).not.toContain('default: "');
    expect(stdout).not.toContain('default: [');
  });

  it('shows the numeric and duration defaults as values', async () => {
    expect((await cli(['jobs', '--help'])).stdout).toContain('(default: 10)');
    const sync = (await cli(['sync', '--help'])).stdout;
    expect(sync).toContain('(default: 1h)');
    expect(sync).toContain('(default: 2s)');
  });

  it('rejects a bad --limit with one error line', async () => {
    expect(await cli(['jobs', 'x', '--limit', '0'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: --limit must be a whole number from 1 to 1000, got '0'\n",
    });
  });
});
