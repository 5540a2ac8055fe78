/**
 * Proof on the real connector specs: every connector of the registry snapshot whose spec has a secret (a node with
 * the `airbyte_secret` key, whatever its value: the 13 odd marks included) gets a generated configuration valid for
 * its spec (./generate.ts), with every secret as `${VAR}`. All of them, as one pipeline of sources and destinations
 * (no connections: the secrets are all in the sources and destinations), go through the emulator serving the
 * registry:
 *   1. apply → the emulator stores exactly each configuration, secrets included → plan prints `No changes.`;
 *   2. export → every secret is a `${VAR}` placeholder, no value anywhere → plan on the export, with the variables
 *      the export names set, prints `No changes.`;
 *   3. one non-secret value changed per resource → plan --json shows exactly one update per resource, that field;
 *   4. no secret value appears in any command's output or in any file written.
 * The counts of each step and the connectors that could not be generated are printed at the end. One cannot be:
 * source-coingecko-coins, whose start_date must be both a `format: date` and dd-mm-yyyy.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Json, JsonObject } from '../../src/api/types.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import type { RegistryDefinition } from '../../src/registry/index.js';
import { isJsonObject } from '../../src/util/json.js';
import { runCli, type CliResult } from '../cli.js';
import { describeWithSnapshot, hasSnapshot, snapshotRegistry } from '../registry/snapshot.js';
import { tempDir } from '../temp.js';
import { generate, getAt, NotGenerated, setAt, type Edit, type Generated, type Path } from './generate.js';

/** Resources per pipeline file: keeps each file well under the 1 MiB a pipeline file may have. */
const PER_FILE = 60;
const MAX_FILE_BYTES = 1024 * 1024;

interface Resource {
  definition: RegistryDefinition;
  /** Unique: the Docker repository without its owner (`source-stripe`). */
  name: string;
  generated: Generated;
  edit: Edit | undefined;
}

const summary: string[] = [];
const resources: Resource[] = [];
const notGenerated: { name: string; reason: string }[] = [];
let connectorsWithSecrets = 0;
let handle: EmulatorHandle;
let env: Record<string, string> = {};
/** Every secret value of the run: none may appear in any output or file. */
let secretValues: string[] = [];
const outputs: { what: string; text: string }[] = [];
const timings: string[] = [];
const writtenDirs: string[] = [];

const escapeLiteral = (value: string) => value.replace(/\$\{/g, '$${');

/** The configuration as the pipeline declares it: secrets as `${VAR}`, a literal `${` escaped. */
function declared(resource: Resource, edit?: Edit): JsonObject {
  const escape = (value: Json): Json => {
    if (typeof value === 'string') return escapeLiteral(value);
    if (Array.isArray(value)) return value.map(escape);
    if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escape(item)]));
    return value;
  };
  let configuration = escape(resource.generated.configuration);
  if (edit) configuration = setAt(configuration, edit.path, escape(edit.after));
  for (const secret of resource.generated.secrets) configuration = setAt(configuration, secret.path, `\${${secret.variable}}`);
  return configuration as JsonObject;
}

function writePipeline(dir: string, edited: boolean): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let start = 0; start < resources.length; start += PER_FILE) {
    const chunk = resources.slice(start, start + PER_FILE);
    const entry = (resource: Resource) => ({
      name: resource.name,
      definition: resource.definition.dockerRepository,
      configuration: declared(resource, edited ? resource.edit : undefined),
    });
    const document: JsonObject = {};
    const sources = chunk.filter((resource) => resource.definition.kind === 'source').map(entry);
    const destinations = chunk.filter((resource) => resource.definition.kind === 'destination').map(entry);
    if (sources.length > 0) document['sources'] = sources;
    if (destinations.length > 0) document['destinations'] = destinations;
    const file = join(dir, `registry-${String(start / PER_FILE).padStart(2, '0')}.yaml`);
    const text = stringify(document, { lineWidth: 0 });
    expect(Buffer.byteLength(text), `${file} must stay under 1 MiB`).toBeLessThan(MAX_FILE_BYTES);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

async function cli(what: string, args: string[], variables: Record<string, string> = env): Promise<CliResult> {
  const started = Date.now();
  const result = await runCli([...args, '--url', handle.url], { env: variables });
  outputs.push({ what, text: result.stdout + result.stderr });
  timings.push(`${what} ${Date.now() - started} ms`);
  return result;
}

/** Stored (unmasked) configurations by resource name. */
function stored(): Map<string, JsonObject> {
  const { sources, destinations } = handle.state;
  return new Map([...sources, ...destinations].filter((actor) => !actor.tombstone).map((actor) => [actor.name, actor.configuration]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const pathText = (path: Path) => path.join('.');
/** How plan names a changed field: an array is compared whole, so the path stops at the array. */
const planPath = (path: Path) =>
  `configuration.${pathText(path.slice(0, path.findIndex((key) => typeof key === 'number') + 1 || path.length).filter((key) => typeof key === 'string'))}`;

beforeAll(async () => {
  if (!hasSnapshot) return;
  const started = Date.now();
  const registry = snapshotRegistry();
  const withSecrets = registry.all().filter((definition) => JSON.stringify(definition.connectionSpecification).includes('"airbyte_secret"'));
  connectorsWithSecrets = withSecrets.length;
  const state = { next: 1, prefix: 'rp' };
  for (const definition of withSecrets) {
    const name = definition.dockerRepository.slice(definition.dockerRepository.lastIndexOf('/') + 1);
    try {
      const generated = generate(definition.connectionSpecification, state);
      resources.push({ definition, name, generated, edit: generated.edit });
    } catch (error) {
      if (!(error instanceof NotGenerated)) throw error;
      notGenerated.push({ name, reason: error.message });
    }
  }
  const secrets = resources.flatMap((resource) => resource.generated.secrets);
  env = Object.fromEntries(secrets.map((secret) => [secret.variable, secret.value]));
  secretValues = secrets.map((secret) => secret.value);
  // Every registry connector, and no built-in one: each resource is served with the registry's own spec.
  handle = await startEmulator({ port: 0, jobDurationMs: 50, definitions: [], registry });
  summary.push(`  generating the configurations and starting the emulator took ${Date.now() - started} ms`);
});

afterAll(async () => {
  if (!hasSnapshot) return;
  await handle.stop();
  console.log(
    ['registry proof:', ...summary, `  commands: ${timings.join(', ')}`, ...notGenerated.map(({ name, reason }) => `  not generated: ${name}: ${reason}`)].join(
      '\n',
    ),
  );
});

describeWithSnapshot('every registry connector with a secret, end to end on the emulator', () => {
  const dir = tempDir('registry-proof-');
  const pipelineDir = join(dir, 'pipeline');
  const exportDir = join(dir, 'export');
  writtenDirs.push(dir);

  test('configurations are generated for the connectors with a secret, the odd marks among them', () => {
    const secrets = resources.flatMap((resource) => resource.generated.secrets);
    const inOptions = secrets.filter((secret) => secret.inOption);
    const inArrays = secrets.filter((secret) => secret.path.some((key) => typeof key === 'number'));
    const odd = secrets.filter((secret) => secret.mark !== true);
    summary.push(
      `  connectors with a secret: ${connectorsWithSecrets}; generated: ${resources.length} (${resources.filter((r) => r.definition.kind === 'source').length} sources, ${
        resources.filter((r) => r.definition.kind === 'destination').length
      } destinations); not generated: ${notGenerated.length}`,
      `  secrets: ${secrets.length} (${inOptions.length} in option groups, ${inArrays.length} in arrays, ${odd.length} with an odd mark: ${odd
        .map((secret) => JSON.stringify(secret.mark))
        .join(' ')})`,
    );
    expect(connectorsWithSecrets).toBeGreaterThan(600);
    expect(resources.length + notGenerated.length).toBe(connectorsWithSecrets);
    // source-coingecko-coins' start_date has `format: date` (YYYY-MM-DD) and the pattern ^[0-9]{2}-[0-9]{2}-[0-9]{4}$
    // (dd-mm-yyyy): no value satisfies both, so no configuration of it validates. Every other one is generated.
    expect(notGenerated.map(({ name }) => name)).toEqual(['source-coingecko-coins']);
    expect(odd.length).toBe(13);
    expect(inArrays.length).toBeGreaterThan(0);
    expect(inOptions.length).toBeGreaterThan(0);
    expect(new Set(resources.map((resource) => resource.name)).size).toBe(resources.length);
    expect(new Set(secretValues).size).toBe(secretValues.length);
  });

  test('1. apply from YAML stores exactly each configuration, secrets included; plan then has no changes', async () => {
    writePipeline(pipelineDir, false);
    const applied = await cli('apply', ['apply', pipelineDir, '--auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const live = stored();
    const mismatched = resources.filter((resource) => JSON.stringify(live.get(resource.name)) !== JSON.stringify(resource.generated.configuration));
    for (const resource of mismatched.slice(0, 5)) expect(live.get(resource.name), resource.name).toEqual(resource.generated.configuration);
    expect(mismatched.map((resource) => resource.name)).toEqual([]);
    const plan = await cli('plan after apply', ['plan', pipelineDir]);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
    summary.push(`  step 1 (apply, stored exactly, plan: No changes.): ${resources.length - mismatched.length} of ${resources.length}`);
  });

  test('2. export writes every secret as a placeholder; plan on the export with its variables has no changes', async () => {
    const exported = await cli('export', ['export', '--out', exportDir, '--json']);
    expect(exported.code).toBe(0);
    const answer = JSON.parse(exported.stdout) as { variables: { name: string; kind: string; resource: string; path: string }[] };
    const byResource = new Map(resources.map((resource) => [`${resource.definition.kind} ${resource.name}`, resource]));
    const variables: Record<string, string> = {};
    const named = new Set<string>();
    for (const variable of answer.variables) {
      const resource = byResource.get(`${variable.kind} ${variable.resource}`);
      const secret = resource?.generated.secrets.find(
        (s) => pathText(s.path) === variable.path || s.path.join('.').replace(/\.(\d+)/g, '[$1]') === variable.path,
      );
      expect(secret, `the export names ${variable.name} for ${variable.kind} ${variable.resource} ${variable.path}`).toBeDefined();
      if (secret === undefined || resource === undefined) continue;
      variables[variable.name] = secret.value;
      named.add(`${resource.name} ${pathText(secret.path)}`);
    }
    const secrets = resources.flatMap((resource) => resource.generated.secrets.map((secret) => `${resource.name} ${pathText(secret.path)}`));
    expect(secrets.filter((secret) => !named.has(secret))).toEqual([]);

    // Each secret is, in the exported files, exactly the placeholder of the variable the export names for it.
    const exportedConfigurations = new Map<string, Json>();
    for (const file of filesUnder(exportDir)) {
      const document = parse(readFileSync(file, 'utf8')) as Record<string, { name: string; configuration: Json }[] | undefined>;
      for (const kind of ['source', 'destination'])
        for (const resource of document[`${kind}s`] ?? []) exportedConfigurations.set(`${kind} ${resource.name}`, resource.configuration);
    }
    const misplaced: string[] = [];
    for (const variable of answer.variables) {
      const resource = byResource.get(`${variable.kind} ${variable.resource}`);
      const secret = resource?.generated.secrets.find((s) => variables[variable.name] === s.value);
      const exportedValue = secret && getAt(exportedConfigurations.get(`${variable.kind} ${variable.resource}`) ?? null, secret.path);
      if (exportedValue !== `\${${variable.name}}`) misplaced.push(`${variable.resource} ${variable.path}: ${JSON.stringify(exportedValue)}`);
    }
    expect(misplaced).toEqual([]);
    const plan = await cli('plan on the export', ['plan', exportDir], variables);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
    summary.push(
      `  step 2 (export: ${answer.variables.length} placeholders for ${secrets.length} secrets; plan on it: No changes.): ${resources.length} resources`,
    );
  });

  test('3. one non-secret value changed per resource: plan --json shows exactly that one update', async () => {
    const editable = resources.filter((resource) => resource.edit !== undefined);
    const without = resources.filter((resource) => resource.edit === undefined);
    writePipeline(pipelineDir, true);
    const plan = await cli('plan --json of the edits', ['plan', pipelineDir, '--json']);
    expect(plan.code).toBe(0);
    const changes = (JSON.parse(plan.stdout) as { changes: { kind?: string; name: string; action: string; fields: { path: string }[] }[] }).changes.filter(
      (change) => change.action !== 'no-op',
    );
    const expected = editable.map((resource) => [resource.name, 'update', [planPath(resource.edit?.path ?? [])]]).sort();
    const actual = changes.map((change) => [change.name, change.action, change.fields.map((field) => field.path)]).sort();
    expect(actual).toEqual(expected);
    summary.push(
      `  step 3 (one field changed, plan --json: exactly that update): ${editable.length} of ${resources.length} (${
        editable.filter((resource) => typeof resource.edit?.before === 'boolean').length
      } of them a boolean: their spec has no non-secret string or integer field); no non-secret field to change: ${without.length}${
        without.length > 0 ? ` (${without.map((resource) => resource.name).join(', ')})` : ''
      }`,
    );
  });

  test('4. no secret value in any output or file written', () => {
    const leaks: string[] = [];
    const texts = [...outputs, ...writtenDirs.flatMap((written) => filesUnder(written).map((file) => ({ what: file, text: readFileSync(file, 'utf8') })))];
    for (const { what, text } of texts) for (const value of secretValues) if (text.includes(value)) leaks.push(`${what}: ${value}`);
    expect(leaks).toEqual([]);
    // The search finds the values where they are: in the emulator's unmasked state.
    const state = JSON.stringify(handle.state);
    expect(secretValues.filter((value) => !state.includes(value))).toEqual([]);
    summary.push(`  step 4 (no secret value in ${outputs.length} outputs and ${texts.length - outputs.length} files): ${secretValues.length} values searched`);
  });
});
