import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedStateFile, startEmbeddedEmulator } from '../../src/emulator/embedded.js';
import { startEmulator } from '../../src/emulator/index.js';
import { GitopsError } from '../../src/errors.js';
import { fixtureDefinitions } from './fixtures/definitions.js';
import { tempDir } from '../temp.js';
import { createActors, request, startTestEmulator } from './helpers.js';

describe('--data persistence', () => {
  it('saves after each write (temp file, then rename) and reads the state back after a restart', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.json');
    const first = await startTestEmulator({ dataFile });
    const { sourceId } = await createActors(first);
    await first.emulator.stop();
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(statSync(dataFile).mode & 0o077).toBe(0);
    const second = await startTestEmulator({ dataFile });
    const read = await second.call('sources/get', { sourceId });
    expect(read.status).toBe(200);
    expect(second.emulator.state.sources[0]?.configuration['password']).toBe('pg-secret');
  });

  it('refuses a data file that is not emulator state', async () => {
    const dataFile = join(tempDir(), 'state.json');
    writeFileSync(dataFile, '{"hello": 1}');
    await expect(startEmulator({ port: 0, dataFile, definitions: fixtureDefinitions })).rejects.toThrow(GitopsError);
  });
});

describe('embedded emulator', () => {
  it("serves on a free loopback port and loads the working directory's state file", async () => {
    const cwd = tempDir();
    const env = { XDG_STATE_HOME: tempDir() };
    const file = embeddedStateFile(cwd, env);
    mkdirSync(dirname(file), { recursive: true });
    const writer = await startTestEmulator({ dataFile: file });
    const { sourceId } = await createActors(writer);
    await writer.emulator.stop();
    const embedded = await startEmbeddedEmulator({ cwd, env, note: () => {} });
    expect(embedded.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const health = await request(`${embedded.url}/health`);
    expect(health.body).toEqual({ available: true });
    const state = await request(`${new URL(embedded.url).origin}/_emulator/state`);
    expect(state.body.sources.map((source: { id: string }) => source.id)).toEqual([sourceId]);
    await embedded.stop();
  });
});

describe('--catalogs override', () => {
  const yaml = [
    '"pg":',
    '  - name: events',
    '    namespace: app',
    '    sourceDefinedCursor: true',
    '    defaultCursorField: [ts]',
    '    supportedSyncModes: [incremental]',
    '',
  ].join('\n');

  it('replaces discovery for the named source and drives catalog validation', async () => {
    const catalogsFile = join(tempDir(), 'catalogs.yaml');
    writeFileSync(catalogsFile, yaml);
    const t = await startTestEmulator({ catalogsFile });
    const ids = await createActors(t);
    const discovered = await t.call('sources/discover_schema', { sourceId: ids.sourceId });
    expect(discovered.body.catalog.streams).toEqual([
      expect.objectContaining({
        stream: expect.objectContaining({ name: 'events', namespace: 'app' }),
        config: expect.objectContaining({ syncMode: 'incremental', destinationSyncMode: 'append', selected: true }),
      }),
    ]);
    const entry = { stream: { name: 'events', namespace: 'app' }, config: { syncMode: 'incremental', destinationSyncMode: 'append', selected: true } };
    expect((await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams: [entry] } })).status).toBe(200);
    const customers = {
      stream: { name: 'customers', namespace: 'public' },
      config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true },
    };
    expect((await t.call('connections/create', { ...ids, status: 'active', syncCatalog: { streams: [customers] } })).status).toBe(422);
  });

  it('names file:line:col for a malformed stream', async () => {
    const catalogsFile = join(tempDir(), 'catalogs.yaml');
    writeFileSync(catalogsFile, '"pg":\n  - namespace: app\n');
    await expect(startEmulator({ port: 0, catalogsFile, definitions: fixtureDefinitions })).rejects.toThrow(
      /catalogs\.yaml:2:5: source 'pg': a stream needs a "name"/,
    );
  });
});
