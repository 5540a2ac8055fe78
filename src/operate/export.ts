/**
 * `export`: the workspace (or the named resources) as pipeline YAML that `plan` reports as no changes. Pure: takes
 * what was read from Airbyte, returns file contents, the variables to set, and warnings.
 */
import type { Json, JsonObject } from '../api/types.js';
import { secretPaths, secretValues, setAt } from '../secrets/paths.js';
import { GitopsError } from '../errors.js';
import type { RemoteActor, RemoteConnection, RemoteDefinition } from '../model/remote.js';
import { printable } from '../util/printable.js';
import { didYouMean } from '../util/suggest.js';
import { EnvNameAllocator } from './env-names.js';
import { connectionDoc } from './export-connection.js';
import { listNames } from './resolve.js';
import { toYaml } from './yaml.js';

/** Everything export reads from Airbyte. `specs` are connection specifications by definition id. */
export interface ExportInput {
  workspace: string;
  definitions: RemoteDefinition[];
  specs: Record<string, JsonObject>;
  sources: RemoteActor[];
  destinations: RemoteActor[];
  connections: RemoteConnection[];
}

/** A variable the user must set: the secret at `path` of a resource. Never holds a value. */
export interface ExportVariable {
  name: string;
  kind: 'source' | 'destination';
  resource: string;
  path: string;
}

export interface ExportFile {
  /** File name (no directory): `<connection>.yaml` per connection, or `pipeline.yaml` for a single file. */
  name: string;
  content: string;
}

export interface ExportResult {
  files: ExportFile[];
  variables: ExportVariable[];
  warnings: string[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** Keeps a literal `${` from being read as a variable when the file is loaded. */
function escapeDollars(value: Json): Json {
  if (typeof value === 'string') return value.split('${').join('$${');
  if (Array.isArray(value)) return value.map(escapeDollars);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDollars(v)]));
  return value;
}

/** The definition as the file names it: its name, or its id when another definition of the kind shares the name. */
function definitionRef(actor: RemoteActor, definitions: RemoteDefinition[]): string {
  const definition = definitions.find((d) => d.kind === actor.kind && d.definitionId === actor.definitionId);
  if (definition === undefined) return actor.definitionId;
  const sameName = definitions.filter((d) => d.kind === actor.kind && d.name.toLowerCase() === definition.name.toLowerCase());
  return sameName.length === 1 ? definition.name : definition.definitionId;
}

function actorDoc(actor: RemoteActor, input: ExportInput, names: EnvNameAllocator, variables: ExportVariable[]): JsonObject {
  const configuration = escapeDollars(structuredClone(actor.configuration)) as JsonObject;
  const spec = input.specs[actor.definitionId];
  for (const { path } of spec === undefined ? [] : secretValues(actor.configuration, secretPaths(spec))) {
    const name = names.allocate(actor.name, path);
    setAt(configuration, path, `\${${name}}`);
    variables.push({ name, kind: actor.kind, resource: actor.name, path: path.join('.') });
  }
  return { name: actor.name, definition: definitionRef(actor, input.definitions), configuration };
}

/** "nothing is named 'x'" with a did-you-mean per name, and every name the workspace does have. */
function unknownNames(input: ExportInput, unknown: string[], all: string[]): GitopsError {
  const [only] = unknown;
  const message =
    unknown.length === 1 && only !== undefined
      ? `nothing is named '${only}' in workspace '${input.workspace}'${didYouMean(only, all)}`
      : `nothing is named ${unknown.map((name) => `'${name}'${didYouMean(name, all)}`).join(', ')} in workspace '${input.workspace}'`;
  const groups = (
    [
      ['sources', input.sources],
      ['destinations', input.destinations],
      ['connections', input.connections],
    ] as const
  )
    .filter(([, items]) => items.length > 0)
    .map(([kind, items]) => `${kind} ${listNames(items.map((item) => item.name))}`);
  return new GitopsError('NOT_FOUND', message, {
    meta: { names: unknown, available: all },
    hint: groups.length === 0 ? 'the workspace has no sources, destinations or connections' : `available: ${groups.join('; ')}`,
  });
}

/** The resources `names` select (a connection brings its source and destination); all when none. */
export function selectResources(input: ExportInput, names: readonly string[]): ExportInput {
  if (names.length === 0) return input;
  const all = [...input.sources, ...input.destinations, ...input.connections].map((resource) => resource.name);
  const unknown = names.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw unknownNames(input, unknown, all);
  const connections = input.connections.filter((c) => names.includes(c.name));
  const wanted = (actor: RemoteActor, ids: string[]) => names.includes(actor.name) || ids.includes(actor.id);
  return {
    ...input,
    connections,
    sources: input.sources.filter((s) =>
      wanted(
        s,
        connections.map((c) => c.sourceId),
      ),
    ),
    destinations: input.destinations.filter((d) =>
      wanted(
        d,
        connections.map((c) => c.destinationId),
      ),
    ),
  };
}

interface Group {
  name: string;
  sources: JsonObject[];
  destinations: JsonObject[];
  connections: JsonObject[];
}

/**
 * The `$schema` written on a comment line: refused when empty or holding white space or a control character, which
 * would end the comment and write YAML of its own (`--schema-url $'x\nworkspace: evil'`).
 */
export function checkSchemaUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  if (url === '' || /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/u.test(url)) {
    throw new GitopsError('USAGE', `--schema-url must be a URL or path without spaces or control characters (got '${printable(url)}')`, {
      hint: 'e.g. ./node_modules/airbyte-gitops/schemas/pipeline.schema.json; write a space as %20',
    });
  }
  return url;
}

function render(group: Group, workspace: string, schemaUrl: string, variables: ExportVariable[]): string {
  // The workspace's name comes from Airbyte: escaped, it stays on its comment line.
  const header = [`# yaml-language-server: $schema=${schemaUrl}`, `# Exported from Airbyte workspace '${printable(workspace)}' by airbyte-gitops export.`];
  const used = variables.filter((v) => group.sources.concat(group.destinations).some((doc) => JSON.stringify(doc).includes(`\${${v.name}}`)));
  if (used.length > 0) header.push(`# Set before validate / plan / apply: ${used.map((v) => v.name).join(', ')}`);
  const body: Record<string, unknown> = { workspace };
  if (group.sources.length > 0) body['sources'] = group.sources;
  if (group.destinations.length > 0) body['destinations'] = group.destinations;
  if (group.connections.length > 0) body['connections'] = group.connections;
  return `${header.join('\n')}\n${toYaml(body)}`;
}

/** `customers & orders` → `customers-orders`; unique within the export. */
function fileName(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'connection';
  let candidate = `${base}.yaml`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}.yaml`;
  taken.add(candidate);
  return candidate;
}

/**
 * Builds the files. `split` false: one `pipeline.yaml`. `split` true: one file per connection (by name) declaring
 * its source and destination where first used and referring to them by name in later files; resources without a
 * connection go to `unconnected.yaml`.
 */
export function buildExport(input: ExportInput, options: { split: boolean; schemaUrl: string }): ExportResult {
  checkSchemaUrl(options.schemaUrl);
  const names = new EnvNameAllocator();
  const variables: ExportVariable[] = [];
  const warnings: string[] = [];
  const actors = new Map<string, JsonObject>();
  for (const actor of [...[...input.sources].sort(byName), ...[...input.destinations].sort(byName)])
    actors.set(actor.id, actorDoc(actor, input, names, variables));
  const connections = [...input.connections].sort(byName);
  const nameOf = (id: string) => [...input.sources, ...input.destinations].find((a) => a.id === id)?.name ?? id;
  const docs = connections.map((c) => connectionDoc(c, nameOf, warnings));
  const kindOf = (id: string) => (input.sources.some((s) => s.id === id) ? 'sources' : 'destinations');

  if (!options.split) {
    const group: Group = { name: 'pipeline', sources: [], destinations: [], connections: docs };
    for (const [id, doc] of actors) group[kindOf(id)].push(doc);
    return { files: [{ name: 'pipeline.yaml', content: render(group, input.workspace, options.schemaUrl, variables) }], variables, warnings };
  }
  const declared = new Set<string>();
  const taken = new Set<string>();
  const groups: Group[] = connections.map((connection, i) => {
    const group: Group = { name: fileName(connection.name, taken), sources: [], destinations: [], connections: [docs[i] as JsonObject] };
    for (const id of [connection.sourceId, connection.destinationId]) {
      const doc = actors.get(id);
      if (doc === undefined) continue;
      group[kindOf(id)].push(declared.has(id) ? { name: doc['name'] as string } : doc);
      declared.add(id);
    }
    return group;
  });
  const rest: Group = { name: fileName('unconnected', taken), sources: [], destinations: [], connections: [] };
  for (const [id, doc] of actors) if (!declared.has(id)) rest[kindOf(id)].push(doc);
  if (rest.sources.length + rest.destinations.length > 0) groups.push(rest);
  const files = groups.map((group) => ({ name: group.name, content: render(group, input.workspace, options.schemaUrl, variables) }));
  return { files, variables, warnings };
}
