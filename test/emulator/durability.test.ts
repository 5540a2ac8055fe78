/**
 * What `--data` promises (docs/emulator.md): an acknowledged write survives a kill -9 of the emulator; the file
 * is rewritten as a snapshot now and then without losing anything; a last line cut short is ignored with a
 * warning; files of older versions are read; one emulator at a time owns a state file.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { spawnCli, waitFor, type SpawnedCli } from '../cli.js';
import { startEmbeddedEmulator } from '../../src/emulator/embedded.js';
import { startEmulator } from '../../src/emulator/index.js';
import { initialData, Store, type StoredActor } from '../../src/emulator/state.js';
import { tempDir } from '../temp.js';
import { fixtureDefinitions } from './fixtures/definitions.js';
import { createActors, DEFAULT_WORKSPACE_ID, pgConfig, PG_SOURCE_ID, request, startTestEmulator } from './helpers.js';

const LISTENING = /^Airbyte emulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m;

async function spawnEmulator(dataFile: string): Promise<{ run: SpawnedCli; url: string }> {
  const run = spawnCli(['emulator', '--data', dataFile, '--port', '0']);
  await waitFor(() => LISTENING.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
  const url = LISTENING.exec(run.stdout())?.[1];
  if (url === undefined) throw new Error(`the emulator did not start: ${run.stderr()}`);
  return { run, url };
}

const post = (url: string, body: unknown) => request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function createSource(url: string, name: string) {
  // The built-in catalog's Postgres source (the spawned CLI serves the built-in connectors).
  return post(`${url}/sources/create`, {
    workspaceId: DEFAULT_WORKSPACE_ID,
    sourceDefinitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
    name,
    connectionConfiguration: { host: 'db.internal', port: 5432, database: 'ecommerce', username: 'reader', password: `secret-${name}` },
  });
}

function actor(index: number): StoredActor {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    definitionId: PG_SOURCE_ID,
    workspaceId: DEFAULT_WORKSPACE_ID,
    name: `source-${index}`,
    configuration: pgConfig({ database: `db_${index}` }),
    createdAt: 1_700_000_000 + index,
    tombstone: false,
  };
}

/** One write through the store, as a create request makes it. */
function put(store: Store, record: StoredActor): void {
  store.writing(() => {
    store.putActor('sources', record);
    return { status: 200 };
  });
}

describe('--data survives a kill of the emulator', () => {
  it('keeps every acknowledged write after kill -9, and the next emulator takes over the dead one’s lock', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const first = await spawnEmulator(dataFile);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await createSource(first.url, `pg-${i}`);
      expect(answer.status).toBe(200);
      created.push(answer.body.sourceId);
    }
    const update = await post(`${first.url}/sources/partial_update`, { sourceId: created[0], name: 'renamed' });
    expect(update.status).toBe(200);
    first.run.child.kill('SIGKILL');
    await first.run.done;
    expect(existsSync(`${dataFile}.lock`)).toBe(true);

    const second = await spawnEmulator(dataFile);
    const names = [];
    for (const sourceId of created) {
      const read = await post(`${second.url}/sources/get`, { sourceId });
      expect(read.status).toBe(200);
      names.push(read.body.name);
    }
    expect(names).toEqual(['renamed', 'pg-1', 'pg-2', 'pg-3', 'pg-4']);
    const state = await request(`${new URL(second.url).origin}/_emulator/state`);
    expect(state.body.sources[4].configuration.password).toBe('secret-pg-4');
    second.run.child.kill('SIGTERM');
    expect((await second.run.done).code).toBe(0);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });
});

describe('the state file', () => {
  it('rewrites itself as a snapshot as it grows, keeping every record, with bytes written per write bounded', () => {
    const dataFile = join(tempDir(), 'state.json');
    const store = new Store(dataFile);
    const written = (count: number) => {
      for (let i = store.data.sources.length; i < count; i++) put(store, actor(i));
      return { ...store.journalStats! };
    };
    const early = written(300);
    const late = written(3000);
    store.close();
    expect(late.snapshots).toBeGreaterThan(early.snapshots);
    // Appending costs one record per write; the snapshots (each at least twice the last) add at most twice the
    // appended bytes. A rewrite of the whole state per write would write ~1,500 records per write by 3,000.
    const perWriteEarly = early.bytesWritten / 300;
    const perWriteLate = late.bytesWritten / 3000;
    expect(perWriteLate).toBeLessThan(perWriteEarly * 4);

    const reloaded = new Store(dataFile);
    expect(reloaded.data.sources).toEqual(Array.from({ length: 3000 }, (_, i) => actor(i)));
    reloaded.close();
    const lines = readFileSync(dataFile, 'utf8').split('\n');
    expect(lines.length).toBeLessThan(3000);
    expect(lines.at(-1)).toBe('');
  });

  it('replays changes on top of the snapshot in order: updates, tombstones, job ids', () => {
    const dataFile = join(tempDir(), 'state.json');
    const store = new Store(dataFile);
    put(store, actor(1));
    put(store, actor(2));
    put(store, { ...actor(1), name: 'renamed' });
    put(store, { ...actor(2), tombstone: true, configuration: {} });
    store.writing(() => {
      store.takeJobId();
      return { status: 200 };
    });
    const expected = store.data;
    store.close();
    const reloaded = new Store(dataFile);
    expect(reloaded.data).toEqual(expected);
    expect(reloaded.data.nextJobId).toBe(2);
    reloaded.close();
  });

  it('undoes a write that answers an error, and saves nothing of it', () => {
    const dataFile = join(tempDir(), 'state.json');
    const store = new Store(dataFile);
    put(store, actor(1));
    store.writing(() => {
      store.putActor('sources', { ...actor(1), name: 'half-done' });
      store.putActor('sources', actor(2));
      return { status: 422 };
    });
    expect(store.data.sources).toEqual([actor(1)]);
    store.close();
    const reloaded = new Store(dataFile);
    expect(reloaded.data.sources).toEqual([actor(1)]);
    reloaded.close();
  });

  it('ignores a last line cut short with a warning, and rewrites the file whole at the next write', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const store = new Store(dataFile);
    put(store, actor(1));
    put(store, actor(2));
    store.close();
    appendFileSync(dataFile, '{"put":[["sources",{"id":"00000000-0000-4000-8000-0000000');
    const warnings: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      warnings.push(String(chunk));
      return true;
    });
    let t;
    try {
      t = await startTestEmulator({ dataFile });
    } finally {
      spy.mockRestore();
    }
    expect(warnings.join('')).toContain(`emulator: warning: ${dataFile}: ignored the incomplete last line`);
    expect(t.emulator.state.sources.map((source) => source.name)).toEqual(['source-1', 'source-2']);
    const created = await t.call('sources/create', {
      workspaceId: DEFAULT_WORKSPACE_ID,
      sourceDefinitionId: PG_SOURCE_ID,
      name: 'after',
      connectionConfiguration: pgConfig(),
    });
    expect(created.status).toBe(200);
    await t.emulator.stop();
    for (const line of readFileSync(dataFile, 'utf8')
      .split('\n')
      .filter((text) => text !== ''))
      expect(() => JSON.parse(line)).not.toThrow();
    const again = new Store(dataFile);
    expect(again.data.sources.map((source) => source.name)).toEqual(['source-1', 'source-2', 'after']);
    again.close();
  });

  it('refuses a file with a damaged line before its last, naming the line and quoting nothing', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const store = new Store(dataFile);
    for (const index of [1, 2, 3]) put(store, actor(index));
    store.close();
    // Line 1 is the snapshot the first write made; lines 2 and 3 the next writes.
    const lines = readFileSync(dataFile, 'utf8').split('\n');
    lines[1] = 'pg-secret garbage';
    writeFileSync(dataFile, lines.join('\n'));
    const refused = startEmulator({ port: 0, dataFile, definitions: fixtureDefinitions });
    await expect(refused).rejects.toThrow(`${dataFile}: cannot read emulator state (line 2 is damaged)`);
    await expect(refused).rejects.not.toThrow('pg-secret');
    // The refused start released the lock: a fixed file can be served.
    writeFileSync(dataFile, lines.filter((_, index) => index !== 1).join('\n'));
    const t = await startTestEmulator({ dataFile });
    expect(t.emulator.state.sources.map((source) => source.name)).toEqual(['source-1', 'source-3']);
  });

  it('reads a file of an older version (one pretty-printed document) and keeps writing to it', async () => {
    const dataFile = join(tempDir(), 'state.json');
    writeFileSync(dataFile, JSON.stringify({ ...initialData(), sources: [actor(1)] }, null, 2) + '\n', { mode: 0o600 });
    const t = await startTestEmulator({ dataFile });
    expect(t.emulator.state.sources).toEqual([actor(1)]);
    await createActors(t);
    await t.emulator.stop();
    const reloaded = new Store(dataFile);
    expect(reloaded.data.sources.map((source) => source.name)).toEqual(['source-1', 'pg']);
    expect(reloaded.data.destinations.map((destination) => destination.name)).toEqual(['s3']);
    reloaded.close();
  });

  it('a reset through /_emulator/reset is saved', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const t = await startTestEmulator({ dataFile });
    await createActors(t);
    expect((await request(`${t.origin}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    await t.emulator.stop();
    const reloaded = new Store(dataFile);
    expect(reloaded.data).toEqual(initialData());
    reloaded.close();
  });
});

describe('one emulator at a time per state file', () => {
  it('refuses a second emulator in another process while the first serves, and serves once it stopped', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const first = await spawnEmulator(dataFile);
    const second = await spawnCli(['emulator', '--data', dataFile, '--port', '0']).done;
    expect(second.code).toBe(1);
    expect(second.stderr.split('\n')[0]).toBe(`error: emulator state ${dataFile} is in use by another emulator (process ${first.run.child.pid})`);
    first.run.child.kill('SIGTERM');
    expect((await first.run.done).code).toBe(0);
    const third = await spawnEmulator(dataFile);
    third.run.child.kill('SIGTERM');
    expect((await third.run.done).code).toBe(0);
  });

  it('refuses a second emulator in the same process, and the first keeps its state', async () => {
    const dataFile = join(tempDir(), 'state.json');
    const t = await startTestEmulator({ dataFile });
    await createActors(t);
    await expect(startEmulator({ port: 0, dataFile, definitions: fixtureDefinitions })).rejects.toThrow(
      `emulator state ${dataFile} is in use by another emulator in this process`,
    );
    expect((await t.call('sources/list', { workspaceId: DEFAULT_WORKSPACE_ID })).body.sources).toHaveLength(1);
    await t.emulator.stop();
    const after = await startTestEmulator({ dataFile });
    expect(after.emulator.state.sources).toHaveLength(1);
  });

  it('takes over a lock left by a process that is gone, or by an earlier process with this process id', async () => {
    const dataFile = join(tempDir(), 'state.json');
    // A process id that is not in use: a child that has exited.
    const exited = spawnCli(['--version']);
    expect((await exited.done).code).toBe(0);
    for (const pid of [exited.child.pid, process.pid]) {
      writeFileSync(`${dataFile}.lock`, `${pid}\n`, { mode: 0o600 });
      const t = await startTestEmulator({ dataFile });
      expect(readFileSync(`${dataFile}.lock`, 'utf8')).toBe(`${process.pid}\n`);
      await t.emulator.stop();
      expect(existsSync(`${dataFile}.lock`)).toBe(false);
    }
  });

  it('refuses a second --emulator run from the same directory, naming what to do', async () => {
    const cwd = tempDir();
    const env = { XDG_STATE_HOME: tempDir() };
    const first = await startEmbeddedEmulator({ cwd, env, note: () => {} });
    try {
      await expect(startEmbeddedEmulator({ cwd, env, note: () => {} })).rejects.toMatchObject({
        message: expect.stringMatching(/^--emulator state .+\.json is in use by another run \(process \d+\)$/),
        hint: expect.stringContaining('set AIRBYTE_EMULATOR_STATE to another file'),
      });
    } finally {
      await first.stop();
    }
    const next = await startEmbeddedEmulator({ cwd, env, note: () => {} });
    await next.stop();
  });
});
