/**
 * The emulator refuses bad settings before it serves (one `error:` line, no stack trace), and a write it cannot
 * save to --data fails loudly instead of living on only in memory.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { GitopsError } from '../../src/errors.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';
import { createActors, startTestEmulator } from './helpers.js';

/** Runs `emulator` with `args` in-process; every case here must end by itself, before or instead of serving. */
const emulatorCli = (args: string[]) => runCli(['emulator', ...args]);

describe('emulator flags are checked up front', () => {
  it.each([
    [['--port', '99999'], "error: --port must be a whole number from 0 to 65535, got '99999'"],
    [['--port', 'http'], "error: --port must be a whole number from 0 to 65535, got 'http'"],
    [['--latency', '-5'], "error: --latency must be a whole number >= 0, got '-5'"],
    [['--latency', '1.5'], "error: --latency must be a whole number >= 0, got '1.5'"],
    [['--fault-rate', '2'], "error: --fault-rate must be a number from 0 to 1 (e.g. 0.1), got '2'"],
    [['--fault-rate', ''], "error: --fault-rate must be a number from 0 to 1 (e.g. 0.1), got ''"],
    [['--seed', 'x'], "error: --seed must be a whole number >= 0, got 'x'"],
    [['--job-duration', '3s'], "error: --job-duration must be a whole number >= 0, got '3s'"],
    [['--token-ttl', '0'], "error: --token-ttl must be a whole number >= 1, got '0'"],
  ])('%j → one error line, exit 1', async (args, message) => {
    const result = await emulatorCli(args);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });

  it('names the port that is already in use', async () => {
    const running = await startTestEmulator();
    const port = new URL(running.url).port;
    const result = await emulatorCli(['--port', port]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: port ${port} on 127.0.0.1 is already in use\nhint: choose another --port (0 picks a free one)\n`);
  });

  it('checks the same limits when started programmatically', async () => {
    await expect(startEmulator({ port: 65536 })).rejects.toThrow(new GitopsError('USAGE', 'port must be a whole number from 0 to 65535, got 65536'));
    await expect(startEmulator({ port: 0, latencyMs: -1 })).rejects.toThrow(/latency must be a whole number/);
  });

  it('prints a --catalogs mistake with a single error: prefix', async () => {
    const catalogs = join(tempDir(), 'cat.yaml');
    writeFileSync(catalogs, '"pg":\n  - namespace: app\n');
    const result = await emulatorCli(['--port', '0', '--catalogs', catalogs]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${catalogs}:2:5: source 'pg': a stream needs a "name" (string)`);
    expect(result.stderr.match(/error:/g)).toHaveLength(1);
  });

  it('shows numeric defaults unquoted and examples in --help', async () => {
    const { code, stdout } = await emulatorCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('(default: 8001)');
    expect(stdout).toContain('(default: 3000)');
    expect(stdout).not.toMatch(/default: "\d/);
    expect(stdout).toContain('\nExamples:\n  $ airbyte-gitops emulator --port 8001\n');
    expect(stdout).toContain("sync 'PostgreSQL → MinIO'");
  });
});

describe('--data must be savable', () => {
  it('refuses a data file whose directory does not exist, naming the path', async () => {
    const missing = join(tempDir(), 'no-such-dir', 's.json');
    const result = await emulatorCli(['--port', '0', '--data', missing]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`error: cannot keep emulator state in ${missing}: directory ${join(missing, '..')} does not exist`);
  });

  it('refuses a data file below a regular file, and a directory as data file', async () => {
    const file = join(tempDir(), 'plain');
    writeFileSync(file, '');
    await expect(startEmulator({ port: 0, dataFile: join(file, 's.json') })).rejects.toThrow(`${file} is not a directory`);
    await expect(startEmulator({ port: 0, dataFile: tempDir() })).rejects.toThrow('it is not a regular file');
  });

  it('answers 500 naming the file when a write cannot be saved, and keeps nothing of it', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.json');
    const t = await startTestEmulator({ dataFile });
    await createActors(t);
    rmSync(dir, { recursive: true });
    const answer = await t.call('sources/create', {
      workspaceId: t.emulator.state.workspaces[0]?.workspaceId,
      sourceDefinitionId: t.emulator.state.sources[0]?.definitionId,
      name: 'later',
      connectionConfiguration: t.emulator.state.sources[0]?.configuration,
    });
    expect(answer.status).toBe(500);
    expect(answer.body.message).toContain(`the emulator could not save its state to ${dataFile}`);
    expect(answer.body.message).toContain('the change was not kept');
    expect(t.emulator.state.sources.map((source) => source.name)).not.toContain('later');
    expect(t.emulator.state.sources).toHaveLength(1);
    const list = await t.call('sources/list', { workspaceId: t.emulator.state.workspaces[0]?.workspaceId });
    expect(list.status).toBe(200);
    expect(list.body.sources).toHaveLength(1);
  });
});
