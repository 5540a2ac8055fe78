/** Loading a connector registry from a file or a URL (cached), checking its shape, and looking definitions up. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitopsError } from '../../src/errors.js';
import { loadRegistry, MAX_REGISTRY_BYTES, registryCacheFile, type RegistrySurroundings } from '../../src/registry/index.js';
import { runCli } from '../cli.js';
import { tempDir } from '../temp.js';
import { describeWithSnapshot, SNAPSHOT, snapshotRegistry } from './snapshot.js';

const spec = (properties: Record<string, unknown> = {}) => ({ connectionSpecification: { type: 'object', properties } });

/** A small registry in the OSS format: two sources and a destination. */
const SMALL = {
  sources: [
    {
      sourceDefinitionId: '11111111-1111-4111-8111-111111111111',
      name: 'Acme API',
      dockerRepository: 'airbyte/source-acme',
      dockerImageTag: '1.2.3',
      sourceType: 'api',
      releaseStage: 'beta',
      supportLevel: 'community',
      documentationUrl: 'https://docs.example/acme',
      spec: spec({ api_key: { type: 'string', airbyte_secret: true } }),
      suggestedStreams: { streams: ['users'] },
    },
    { sourceDefinitionId: '22222222-2222-4222-8222-222222222222', name: 'Beta', dockerRepository: 'airbyte/source-beta', spec: spec() },
  ],
  destinations: [
    {
      destinationDefinitionId: '33333333-3333-4333-8333-333333333333',
      name: 'Acme Warehouse',
      dockerRepository: 'airbyte/destination-acme',
      spec: { ...spec(), supported_destination_sync_modes: ['overwrite', 'append'] },
    },
  ],
};

interface Around extends RegistrySurroundings {
  notes: string[];
}

function surroundings(env: NodeJS.ProcessEnv = {}): Around {
  const notes: string[] = [];
  return { cwd: tempDir('gitops-registry-cwd-'), env: { XDG_CACHE_HOME: tempDir('gitops-registry-cache-'), ...env }, note: (line) => notes.push(line), notes };
}

async function failure(promise: Promise<unknown>): Promise<GitopsError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GitopsError);
  return error as GitopsError;
}

describe('a registry file', () => {
  it('is read (relative to the working directory) and indexed by id, name and Docker repository', async () => {
    const around = surroundings();
    writeFileSync(join(around.cwd, 'registry.json'), JSON.stringify(SMALL));
    const registry = await loadRegistry('registry.json', around);
    expect(registry.size).toBe(3);
    expect(registry.sources.map((definition) => definition.name)).toEqual(['Acme API', 'Beta']);
    const acme = registry.byDefinitionId('11111111-1111-4111-8111-111111111111');
    expect(acme).toMatchObject({
      kind: 'source',
      name: 'Acme API',
      dockerImageTag: '1.2.3',
      sourceType: 'api',
      releaseStage: 'beta',
      suggestedStreams: ['users'],
    });
    expect(acme?.connectionSpecification).toEqual(SMALL.sources[0]?.spec.connectionSpecification);
    expect(registry.named('acme api')).toEqual([acme]);
    expect(registry.named('ACME API', 'destination')).toEqual([]);
    expect(registry.byDockerRepository('airbyte/source-acme')).toBe(acme);
    expect(registry.byDockerRepository('source-acme')).toBe(acme);
    expect(registry.byDockerRepository('airbyte/source-acme:9.9.9')).toBe(acme);
    expect(registry.byDockerRepository('source-nope')).toBeUndefined();
    expect(registry.destinations[0]).toMatchObject({ kind: 'destination', supportedDestinationSyncModes: ['overwrite', 'append'] });
    // Defaults for what an entry may leave out.
    expect(registry.byDefinitionId('22222222-2222-4222-8222-222222222222')).toMatchObject({
      dockerImageTag: 'latest',
      releaseStage: 'alpha',
      suggestedStreams: [],
    });
    expect(around.notes).toEqual([]);
  });

  it('that is missing, not JSON, or not a registry is an error naming it and what is missing', async () => {
    const around = surroundings();
    const write = (name: string, text: string) => {
      writeFileSync(join(around.cwd, name), text);
      return name;
    };
    expect((await failure(loadRegistry('nope.json', around))).message).toBe('cannot read the connector registry nope.json: no such file');
    expect((await failure(loadRegistry(write('text.json', 'hello'), around))).message).toMatch(
      /^text\.json is not an Airbyte connector registry: it is not JSON \(/,
    );
    expect((await failure(loadRegistry(write('list.json', '[]'), around))).message).toBe(
      'list.json is not an Airbyte connector registry: expected a JSON object with "sources" and "destinations" lists',
    );
    const pipeline = write('pipeline.json', JSON.stringify({ connections: [], sources2: [] }));
    const error = await failure(loadRegistry(pipeline, around));
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe(
      'pipeline.json is not an Airbyte connector registry: it has no "sources" or "destinations" list (its keys: connections, sources2)',
    );
    expect(error.hint).toContain('oss_registry.json');
    const broken = write(
      'broken.json',
      JSON.stringify({
        sources: [SMALL.sources[0], { sourceDefinitionId: 'x', name: 'No Spec', dockerRepository: 'airbyte/source-x' }],
        destinations: [{ name: 'D' }],
      }),
    );
    expect((await failure(loadRegistry(broken, around))).message).toBe(
      'broken.json is not an Airbyte connector registry: sources[1] (\'No Spec\') has no "spec.connectionSpecification"; destinations[0] (\'D\') has no "destinationDefinitionId"',
    );
  });

  it('given to `emulator --registry` that is not a registry: one error line and a hint, no stack, exit 1', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'package.json'), '{"name": "x"}');
    const result = await runCli(['emulator', '--port', '0', '--registry', join(cwd, 'package.json')], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      `error: ${join(cwd, 'package.json')} is not an Airbyte connector registry: it has no "sources" or "destinations" list (its keys: name)`,
    );
    expect(result.stderr).toMatch(/^hint: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a registry URL', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  /** Serves `body` at /registry.json and counts requests; anything else is a 404. */
  async function serve(body: () => string): Promise<{ url: string; requests: () => number }> {
    let requests = 0;
    server = createServer((request, response) => {
      requests++;
      if (request.url !== '/registry.json') {
        response.writeHead(404).end('not here');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(body());
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/registry.json`, requests: () => requests };
  }

  it('is fetched once, kept in the cache directory (said in a note), then read from the copy without the network', async () => {
    const served = await serve(() => JSON.stringify(SMALL));
    const around = surroundings();
    const file = registryCacheFile(served.url, around.env);
    expect(file.startsWith(join(around.env['XDG_CACHE_HOME'] as string, 'airbyte-gitops', 'registry'))).toBe(true);
    const first = await loadRegistry(served.url, around);
    expect(first.size).toBe(3);
    expect(served.requests()).toBe(1);
    expect(around.notes).toEqual([`note: fetched the connector registry ${served.url} (3 connectors); a copy is kept in ${file}`]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(SMALL);

    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const again = surroundings({ XDG_CACHE_HOME: around.env['XDG_CACHE_HOME'] as string });
    const second = await loadRegistry(served.url, again);
    expect(second.all().map((definition) => definition.definitionId)).toEqual(first.all().map((definition) => definition.definitionId));
    expect(again.notes).toEqual([`note: connector registry ${served.url} read from its copy in ${file} (AIRBYTE_REGISTRY_REFRESH=1 fetches it again)`]);
  });

  it('is fetched again with AIRBYTE_REGISTRY_REFRESH=1, and the copy replaced', async () => {
    let current: object = SMALL;
    const served = await serve(() => JSON.stringify(current));
    const around = surroundings();
    await loadRegistry(served.url, around);
    current = { sources: [SMALL.sources[1]], destinations: [] };
    expect((await loadRegistry(served.url, around)).size).toBe(3); // the copy
    expect(served.requests()).toBe(1);
    const refreshed = await loadRegistry(served.url, { ...around, env: { ...around.env, AIRBYTE_REGISTRY_REFRESH: '1' } });
    expect(served.requests()).toBe(2);
    expect(refreshed.size).toBe(1);
    expect((await loadRegistry(served.url, around)).size).toBe(1); // the new copy
    expect(served.requests()).toBe(2);
  });

  it('that does not answer a registry is an error, and nothing is cached', async () => {
    const served = await serve(() => '<html>maintenance</html>');
    const around = surroundings();
    const notJson = await failure(loadRegistry(served.url, around));
    expect(notJson.message).toMatch(new RegExp(`^${served.url.replace(/[.]/g, '\\.')} is not an Airbyte connector registry: it is not JSON`));
    expect(existsSync(registryCacheFile(served.url, around.env))).toBe(false);
    const missing = await failure(loadRegistry(served.url.replace('registry.json', 'gone.json'), around));
    expect(missing.code).toBe('NETWORK');
    expect(missing.message).toBe(`cannot fetch the connector registry ${served.url.replace('registry.json', 'gone.json')}: HTTP 404 Not Found`);
  });

  it('refuses a body larger than a registry can be, and stops reading it', async () => {
    const around = surroundings();
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const fake = (() => Promise.resolve(new Response(body, { headers: { 'content-length': String(MAX_REGISTRY_BYTES + 1) } }))) as typeof fetch;
    const error = await failure(loadRegistry('https://registry.example/huge.json', { ...around, fetch: fake }));
    expect(error.message).toBe(
      `cannot fetch the connector registry https://registry.example/huge.json: it is ${MAX_REGISTRY_BYTES + 1} bytes, more than the ${MAX_REGISTRY_BYTES} a registry may have`,
    );
    expect(cancelled).toBe(true);
  });

  it('that cannot be reached is a network error naming it', async () => {
    const fake = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND registry.example') }))) as typeof fetch;
    const error = await failure(loadRegistry('https://registry.example/r.json', { ...surroundings(), fetch: fake }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('cannot fetch the connector registry https://registry.example/r.json: getaddrinfo ENOTFOUND registry.example');
  });
});

describeWithSnapshot('the real OSS registry snapshot', () => {
  it('loads every source and destination with its spec, and finds them by name and image', async () => {
    const registry = await loadRegistry(SNAPSHOT, surroundings());
    expect(registry.sources).toHaveLength(591);
    expect(registry.destinations).toHaveLength(56);
    const stripe = registry.named('stripe', 'source')[0];
    expect(stripe?.definitionId).toBe('e094cb9a-26de-4645-8761-65c0c425d1de');
    expect(stripe?.suggestedStreams).toEqual(['customers', 'invoices', 'charges', 'subscriptions', 'refunds']);
    expect(registry.byDockerRepository('source-google-sheets')?.name).toBe('Google Sheets');
    expect(registry.byDockerRepository('airbyte/destination-snowflake-cortex')?.name).toBe('Snowflake Cortex');
    expect(registry.byDockerRepository('airbyte/destination-snowflake-cortex')?.supportedDestinationSyncModes).toContain('append_dedup');
    // Three names are shared by two sources each: the index keeps both.
    expect(registry.named('PagerDuty', 'source')).toHaveLength(2);
    expect(snapshotRegistry().size).toBe(647);
  });
});
