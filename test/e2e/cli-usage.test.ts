/** Usage mistakes the CLI refuses up front, with one clear line and nothing written. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';

let emulator: EmulatorHandle;
let dir: string;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, jobDurationMs: 100 });
  dir = tempDir('usage-e2e-');
  cpSync('examples/pipelines', dir, { recursive: true });
});
afterEach(async () => {
  await emulator.stop();
});

describe('the CLI refuses usage mistakes up front', () => {
  it('--emulator and --url together', async () => {
    const result = await runCli(['plan', dir, '--emulator', '--url', emulator.url], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --emulator and --url both name a server: give one of them');
  });

  it('an emulator port that fetch would refuse', async () => {
    const result = await runCli(['emulator', '--port', '6667']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: port 6667 cannot be used: fetch refuses to connect to it (it is reserved for another protocol); choose another port, e.g. 8001\n',
    );
  });

  it('apply --json still prints one document when apply stops before any write', async () => {
    const applied = await runCli(['apply', dir, '--url', emulator.url, '--auto-approve']);
    expect(applied.code).toBe(0);
    const file = join(dir, 'ecommerce.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('syncMode: incremental', 'syncMode: full_refresh')
        .replace('destinationSyncMode: append', 'destinationSyncMode: overwrite'),
    );
    const writes = async () => ((await (await fetch(`${new URL(emulator.url).origin}/_emulator/requests`)).json()) as { writes: number }).writes;
    const before = await writes();
    const refused = await runCli(['apply', dir, '--url', emulator.url, '--auto-approve', '--json']);
    expect(refused.code).toBe(1);
    const document = JSON.parse(refused.stdout) as { status: string; error: { code: string; message: string } };
    expect(document.status).toBe('refused');
    expect(document.error.message).toContain('--allow-destroy');
    expect(await writes()).toBe(before);
  });
});
