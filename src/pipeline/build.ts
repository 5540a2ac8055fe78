/**
 * Builds the desired resources of one parsed file. Lenient on purpose: a file with schema errors still yields
 * whatever resources have a name, so the cross-file checks (references, duplicates) do not report noise.
 */
import type { DestinationSyncMode, JsonObject, NamespaceDefinition, NonBreakingChangesPreference, SyncMode } from '../api/types.js';
import type { ActorKind, DesiredActor, DesiredConnection, DesiredStream, SourceLocation, ValueOrigin } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { readAllStreams } from './all-streams.js';
import { subject } from './describe.js';
import { readSchedule } from './schedule.js';
import { childPointer, type LocatedDocument } from './parse.js';
import { streamKey, streamLabel } from '../streams/identity.js';

/** What one file declares. */
export interface FileResources {
  workspace?: string;
  workspaceLoc?: SourceLocation;
  sources: DesiredActor[];
  destinations: DesiredActor[];
  connections: DesiredConnection[];
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

class FileBuilder {
  readonly problems: Problem[] = [];
  constructor(private readonly doc: LocatedDocument) {}

  valueLoc(pointer: string): SourceLocation {
    return this.doc.locs.get(pointer)?.value ?? { file: this.doc.file, line: 1, col: 1 };
  }

  keyLoc(pointer: string): SourceLocation | undefined {
    return this.doc.locs.get(pointer)?.key;
  }

  /** One origin per configuration leaf (empty lists and mappings count as leaves). */
  origins(value: unknown, pointer: string, path: string, into: Record<string, ValueOrigin>): void {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : isFields(value) ? Object.entries(value) : [];
    if (entries.length === 0) {
      const template = this.doc.templates.get(pointer);
      into[path] = { loc: this.valueLoc(pointer), ...(template ?? {}) };
      return;
    }
    for (const [key, child] of entries) {
      this.origins(child, childPointer(pointer, key), path === '' ? key : `${path}.${key}`, into);
    }
  }

  actor(kind: ActorKind, item: unknown, pointer: string): DesiredActor | undefined {
    if (!isFields(item) || str(item['name']) === undefined) return undefined;
    const actor: DesiredActor = {
      kind,
      name: item['name'] as string,
      origins: {},
      previousNames: strings(item['previousNames']) ?? [],
      loc: this.valueLoc(childPointer(pointer, 'name')),
    };
    const definition = str(item['definition']);
    const configuration = item['configuration'];
    if (definition !== undefined && isFields(configuration)) {
      actor.definition = definition;
      actor.configuration = configuration as JsonObject;
      actor.definitionLoc = this.valueLoc(childPointer(pointer, 'definition'));
      actor.configurationLoc = this.keyLoc(childPointer(pointer, 'configuration'));
      const configPointer = childPointer(pointer, 'configuration');
      for (const [key, value] of Object.entries(configuration)) this.origins(value, childPointer(configPointer, key), key, actor.origins);
    }
    return actor;
  }

  stream(item: unknown, pointer: string, owner: string): DesiredStream | undefined {
    if (!isFields(item) || str(item['name']) === undefined) return undefined;
    const stream: DesiredStream = {
      name: item['name'] as string,
      syncMode: item['syncMode'] as SyncMode,
      destinationSyncMode: item['destinationSyncMode'] as DestinationSyncMode,
      loc: this.valueLoc(childPointer(pointer, 'name')),
    };
    const namespace = str(item['namespace']);
    if (namespace !== undefined) stream.namespace = namespace;
    const cursorField = strings(item['cursorField']);
    if (cursorField !== undefined) stream.cursorField = cursorField;
    if (Array.isArray(item['primaryKey'])) stream.primaryKey = item['primaryKey'].map((path) => strings(path) ?? []);
    const selectedFields = strings(item['selectedFields']);
    if (selectedFields !== undefined) stream.selectedFields = selectedFields;
    this.warnAboutKeys(stream, pointer, owner);
    return stream;
  }

  /** The source's catalog may define the cursor or key, so only plan (which sees the catalog) can tell for sure. */
  warnAboutKeys(stream: DesiredStream, pointer: string, owner: string): void {
    const at = this.valueLoc(childPointer(pointer, 'syncMode'));
    const mode = stream.destinationSyncMode;
    if (stream.syncMode === 'incremental' && (stream.cursorField ?? []).length === 0) {
      const message = `stream '${stream.name}' of ${owner} is incremental but has no 'cursorField': the source must define a cursor`;
      this.problems.push({ severity: 'warning', ...at, message });
    }
    if ((mode === 'append_dedup' || mode === 'overwrite_dedup') && (stream.primaryKey ?? []).length === 0) {
      const message = `stream '${stream.name}' of ${owner} uses ${mode} but has no 'primaryKey': the source must define one`;
      this.problems.push({ severity: 'warning', ...this.valueLoc(childPointer(pointer, 'destinationSyncMode')), message });
    }
  }

  streams(value: unknown, pointer: string, owner: string): DesiredStream[] {
    const result: DesiredStream[] = [];
    const seen = new Map<string, DesiredStream>();
    (Array.isArray(value) ? value : []).forEach((item, index) => {
      const stream = this.stream(item, childPointer(pointer, index), owner);
      if (stream === undefined) return;
      const key = streamKey(stream);
      const first = seen.get(key);
      if (first !== undefined) {
        const message = `stream '${streamLabel(stream)}' is listed twice in ${owner}: here and at ${first.loc.file}:${first.loc.line}:${first.loc.col}`;
        this.problems.push({ severity: 'error', ...stream.loc, message });
        return;
      }
      seen.set(key, stream);
      result.push(stream);
    });
    return result;
  }

  connection(item: unknown, pointer: string): DesiredConnection | undefined {
    if (!isFields(item) || str(item['name']) === undefined) return undefined;
    const name = item['name'] as string;
    const owner = `connection '${name}'`;
    const schedule = readSchedule(item['schedule'], this.doc, childPointer(pointer, 'schedule'), `the schedule of ${owner}`);
    this.problems.push(...schedule.problems);
    const connection: DesiredConnection = {
      kind: 'connection',
      name,
      source: str(item['source']) ?? '',
      destination: str(item['destination']) ?? '',
      status: item['status'] === 'inactive' ? 'inactive' : 'active',
      schedule: schedule.schedule,
      streams: this.streams(item['streams'], childPointer(pointer, 'streams'), owner),
      previousNames: strings(item['previousNames']) ?? [],
      loc: this.valueLoc(childPointer(pointer, 'name')),
    };
    if (typeof item['source'] === 'string') connection.sourceLoc = this.valueLoc(childPointer(pointer, 'source'));
    if (typeof item['destination'] === 'string') connection.destinationLoc = this.valueLoc(childPointer(pointer, 'destination'));
    this.namespace(connection, item, pointer);
    for (const key of ['notifySchemaChanges', 'notifySchemaChangesByEmail'] as const) {
      if (typeof item[key] === 'boolean') connection[key] = item[key];
    }
    const allStreams = readAllStreams(item['allStreams'], this.doc, childPointer(pointer, 'allStreams'), owner, connection.streams);
    this.problems.push(...allStreams.problems);
    if (allStreams.allStreams !== undefined) connection.allStreams = allStreams.allStreams;
    if (connection.nonBreakingChangesPreference === 'propagate_fully' && connection.allStreams === undefined) {
      // Airbyte adds new upstream streams to such a connection when a sync starts; a pipeline that lists its
      // streams deselects them again at every apply (saving the state first each time).
      const message =
        `connection '${connection.name}': nonBreakingChangesPreference 'propagate_fully' makes Airbyte select new upstream streams ` +
        `when a sync starts, and each apply deselects them again because the pipeline lists its streams; ` +
        `write 'allStreams: true' to take every stream through Git, or use 'propagate_columns'`;
      this.problems.push({ severity: 'warning', ...this.valueLoc(childPointer(pointer, 'nonBreakingChangesPreference')), message });
    }
    return connection;
  }

  /**
   * Without `allStreams`, a connection lists at least one stream. The schema says so too (for editors), but in an
   * if/then whose errors only say "must have at least 1 item": this says what to write instead. Any connection,
   * named or not.
   */
  requireStreams(item: unknown, pointer: string): void {
    if (!isFields(item) || 'allStreams' in item) return;
    const fix = `list the streams to sync, or write 'allStreams: true' to sync every stream the source offers`;
    if (!('streams' in item)) {
      const message = `${subject(this.doc.value, pointer)} is missing required key 'streams': ${fix}`;
      this.problems.push({ severity: 'error', ...this.valueLoc(pointer), message });
    } else if (Array.isArray(item['streams']) && item['streams'].length === 0) {
      const message = `'streams' in ${subject(this.doc.value, pointer)} must list at least one stream: ${fix}`;
      this.problems.push({ severity: 'error', ...this.valueLoc(childPointer(pointer, 'streams')), message });
    }
  }

  namespace(connection: DesiredConnection, item: Fields, pointer: string): void {
    const definition = str(item['namespaceDefinition']);
    const format = str(item['namespaceFormat']);
    if (definition !== undefined) connection.namespaceDefinition = definition as NamespaceDefinition;
    if (format !== undefined) connection.namespaceFormat = format;
    if (definition === 'customformat' && format === undefined) {
      const message = `connection '${connection.name}' has namespaceDefinition 'customformat' but no 'namespaceFormat'`;
      this.problems.push({ severity: 'error', ...this.valueLoc(childPointer(pointer, 'namespaceDefinition')), message });
    }
    const prefix = str(item['prefix']);
    if (prefix !== undefined) connection.prefix = prefix;
    const preference = str(item['nonBreakingChangesPreference']);
    if (preference !== undefined) connection.nonBreakingChangesPreference = preference as NonBreakingChangesPreference;
  }
}

function listAt(root: Fields, key: string): unknown[] {
  const value = root[key];
  return Array.isArray(value) ? value : [];
}

/** The resources `doc` declares, and the problems only a builder sees (schedules, streams, namespaces). */
export function buildFile(doc: LocatedDocument): { resources: FileResources; problems: Problem[] } {
  const builder = new FileBuilder(doc);
  const resources: FileResources = { sources: [], destinations: [], connections: [] };
  if (!isFields(doc.value)) return { resources, problems: [] };
  const root = doc.value;
  const keep = <T>(list: T[], item: T | undefined) => item !== undefined && list.push(item);
  listAt(root, 'sources').forEach((item, i) => keep(resources.sources, builder.actor('source', item, `/sources/${i}`)));
  listAt(root, 'destinations').forEach((item, i) => keep(resources.destinations, builder.actor('destination', item, `/destinations/${i}`)));
  listAt(root, 'connections').forEach((item, i) => {
    builder.requireStreams(item, `/connections/${i}`);
    keep(resources.connections, builder.connection(item, `/connections/${i}`));
  });
  if (typeof root['workspace'] === 'string') {
    resources.workspace = root['workspace'];
    resources.workspaceLoc = builder.valueLoc('/workspace');
  }
  return { resources, problems: builder.problems };
}
