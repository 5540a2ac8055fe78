/**
 * Streams of new sources checked at plan time: the declared configuration is discovered once per new source
 * (scheduler discovery, nothing created), its connections' streams are checked and their catalogs built; without
 * discovery the plan says the streams are unchecked.
 */
import { describe, expect, test } from 'vitest';
import type { AirbyteCatalog, SourceCoreConfig, SourceDiscoverSchemaRead } from '../../src/api/types.js';
import { GitopsError } from '../../src/errors.js';
import type { RemoteState } from '../../src/model/remote.js';
import { diff } from '../../src/plan/diff/index.js';
import { discoverNewSources, newSources } from '../../src/plan/discover.js';
import { DISCOVERY_PARALLELISM } from '../../src/plan/fetch.js';
import { renderJson, renderMarkdown, renderText } from '../../src/plan/render/index.js';
import type { ConnectionChange } from '../../src/plan/types.js';
import { recheckNewSourceStreams, validate } from '../../src/plan/validate.js';
import { plain } from '../../src/util/color.js';
import {
  PG,
  at,
  connection,
  desiredStream,
  destination,
  maskedS3,
  pgConfig,
  pipeline,
  remoteActor,
  remoteState,
  s3Config,
  source,
  storedStream,
} from './fixtures.js';

const catalog: AirbyteCatalog = { streams: [storedStream('customers', { selected: false }), storedStream('orders', { selected: false })] };

/** A reader whose scheduler discovery answers `answer`, recording every body, the registered secrets and the peak concurrency. */
function fakeReader(answer: (body: SourceCoreConfig) => SourceDiscoverSchemaRead = () => ({ catalog })) {
  const bodies: SourceCoreConfig[] = [];
  const secrets: string[] = [];
  let inFlight = 0;
  let peak = 0;
  return {
    bodies,
    secrets,
    peak: () => peak,
    reader: {
      addSecrets: (values: Iterable<string>) => secrets.push(...values),
      discoverNewSourceSchema: async (body: SourceCoreConfig) => {
        bodies.push(body);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return answer(body);
      },
    },
  };
}

/** A new source 'pg' read by two connections into the existing destination 'lake'. */
function newSourcePipeline(streams = [desiredStream('customers')]) {
  const desired = pipeline({
    sources: [source('pg', pgConfig)],
    destinations: [destination('lake', s3Config)],
    connections: [connection('pg-to-lake', streams), connection('pg-to-lake-2', [desiredStream('orders')])],
  });
  const remote: RemoteState = remoteState({ destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)] });
  return { desired, remote };
}

async function planned(streams = [desiredStream('customers')], discover = true) {
  const { desired, remote } = newSourcePipeline(streams);
  const first = validate(desired, remote);
  expect(first.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const fake = fakeReader();
  if (!discover) return { plan: diff(first.validated, remote), fake, problems: [], desired };
  const withNew = { ...remote, discoveredNew: await discoverNewSources(fake.reader, first.validated, remote) };
  const rechecked = recheckNewSourceStreams(first.validated, withNew);
  if (rechecked.problems.length > 0) return { plan: undefined, fake, problems: rechecked.problems, desired };
  return { plan: diff(rechecked.validated, withNew), fake, problems: rechecked.problems, desired };
}

const connectionChange = (changes: readonly { kind: string; name: string }[], name: string) =>
  changes.find((change) => change.kind === 'connection' && change.name === name) as ConnectionChange;

describe('new sources: discovered at plan time', () => {
  test('one scheduler discovery per new source, of the declared configuration; secrets registered first', async () => {
    const { plan, fake } = await planned();
    if (plan === undefined) throw new Error('no plan');
    expect(fake.bodies).toEqual([{ sourceDefinitionId: PG, workspaceId: 'ws-1', connectionConfiguration: pgConfig }]);
    expect(fake.secrets).toEqual(['pg-Secret-1']);
    const change = connectionChange(plan.changes, 'pg-to-lake');
    expect(change.streamsUnchecked).toBeUndefined();
    expect(change.syncCatalog?.streams.map(({ stream, config }) => [stream.name, config.selected])).toEqual([
      ['customers', true],
      ['orders', false],
    ]);
  });

  test('a stream the new source does not have is a pipeline problem at its line, before any write', async () => {
    const { problems } = await planned([desiredStream('custmers', { loc: { file: 'pipelines/shop.yaml', line: 61, col: 9 } })]);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'pipelines/shop.yaml',
        line: 61,
        col: 9,
        message: "connection 'pg-to-lake': stream 'public.custmers' does not exist in source 'pg' (did you mean 'customers'? available: customers, orders)",
      },
    ]);
  });

  test('a source replaced for another definition is new too; an existing source is not', () => {
    const { desired, remote } = newSourcePipeline();
    remote.sources.push(remoteActor('source', 'src-1', 'pg', {}, 'another-definition'));
    expect(newSources(validate(desired, remote).validated, remote).map(({ actor }) => actor.name)).toEqual(['pg']);
    remote.sources[0] = remoteActor('source', 'src-1', 'pg', {});
    expect(newSources(validate(desired, remote).validated, remote)).toEqual([]);
  });

  test('at most four discoveries at once, one progress line each', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const desired = pipeline({
      sources: names.map((name) => source(name, pgConfig)),
      destinations: [destination('lake', s3Config)],
      connections: names.map((name) => connection(`${name}-to-lake`, [desiredStream('customers')], { source: name })),
    });
    const remote = remoteState({ destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)] });
    const fake = fakeReader();
    const lines: string[] = [];
    const catalogs = await discoverNewSources(fake.reader, validate(desired, remote).validated, remote, { onProgress: (line) => lines.push(line) });
    expect(Object.keys(catalogs).sort()).toEqual(names);
    expect(fake.bodies).toHaveLength(6);
    expect(fake.peak()).toBe(DISCOVERY_PARALLELISM);
    expect(lines[0]).toBe("Discovering the streams of new source 'a' (1/6)…");
    expect(lines).toHaveLength(6);
  });

  test("a failed discover job names the source, the call and the connector's message, without the secret it echoes", async () => {
    const { desired, remote } = newSourcePipeline();
    const fake = fakeReader(() => ({
      jobInfo: {
        id: 'j',
        configType: 'discover_schema',
        createdAt: 0,
        endedAt: 0,
        succeeded: false,
        failureReason: { externalMessage: 'password authentication failed (password pg-Secret-1)', timestamp: 0 },
      },
    }));
    const error = await discoverNewSources(fake.reader, validate(desired, remote).validated, remote).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitopsError);
    expect((error as GitopsError).message).toBe(
      "discovering the streams of new source 'pg' failed (scheduler/sources/discover_schema): password authentication failed (password (sensitive))",
    );
    expect((error as GitopsError).hint).toMatch(/--no-discover/);
  });
});

describe('new sources: --no-discover', () => {
  test('the connection is created with a catalog apply discovers, and the plan says its streams are unchecked', async () => {
    const { plan, desired } = await planned([desiredStream('customers')], false);
    if (plan === undefined) throw new Error('no plan');
    const change = connectionChange(plan.changes, 'pg-to-lake');
    expect(change.syncCatalog).toBeNull();
    expect(change.streamsUnchecked).toBe(true);
    expect(renderText(plan, plain)).toContain("      # streams unchecked (--no-discover): checked only when apply has created source 'pg'\n");
    expect(renderMarkdown(plan, desired)).toContain('- streams unchecked &#40;--no-discover&#41;: checked only when apply has created source &#39;pg&#39;');
    const json = JSON.parse(renderJson(plan)) as { changes: { name: string; streamsUnchecked?: boolean }[] };
    expect(json.changes.find((entry) => entry.name === 'pg-to-lake')?.streamsUnchecked).toBe(true);
  });
});

describe('new sources: all-streams connections', () => {
  test('expanded from the catalog discovered at plan time, and created with it', async () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig)],
      destinations: [destination('lake', s3Config)],
      connections: [connection('pg-all', [], { allStreams: { exclude: [{ name: 'orders', loc: at(45) }], loc: at(44) } })],
    });
    const remote: RemoteState = remoteState({ destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)] });
    const first = validate(desired, remote);
    expect(first.validated.expandedStreams.has('pg-all')).toBe(false);
    const withNew = { ...remote, discoveredNew: await discoverNewSources(fakeReader().reader, first.validated, remote) };
    const rechecked = recheckNewSourceStreams(first.validated, withNew);
    expect(rechecked.problems).toEqual([]);
    expect(rechecked.validated.expandedStreams.get('pg-all')?.map((stream) => stream.name)).toEqual(['customers']);
    const change = connectionChange(diff(rechecked.validated, withNew).changes, 'pg-all');
    expect(change.streamsUnchecked).toBeUndefined();
    expect(change.syncCatalog?.streams.map(({ stream, config }) => [stream.name, config.selected])).toEqual([
      ['customers', true],
      ['orders', false],
    ]);
  });
});
