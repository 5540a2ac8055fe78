/**
 * `--catalogs <file.yaml>`: what discover_schema returns for chosen sources, instead of the connector's own
 * discovery. The file maps a source name (the source's own name, or its definition's name) to a list of streams.
 * It is read again when it changes on disk, so a CI job can edit it between two steps.
 */
import { readFileSync, statSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { AirbyteStream, JsonObject, SyncMode } from '../api/types.js';
import { GitopsError } from '../errors.js';
import { isJsonObject } from '../util/json.js';

/** Source name → streams. Empty when no file was given. */
export type CatalogOverrides = Map<string, AirbyteStream[]>;

const SYNC_MODES: SyncMode[] = ['full_refresh', 'incremental'];

function streamProblem(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'a stream must be a mapping with at least "name"';
  if (typeof value['name'] !== 'string' || value['name'] === '') return 'a stream needs a "name" (string)';
  const modes = value['supportedSyncModes'];
  if (modes !== undefined && (!Array.isArray(modes) || modes.some((mode) => !SYNC_MODES.includes(mode as SyncMode)))) {
    return `"supportedSyncModes" must be a list of ${SYNC_MODES.join(', ')}`;
  }
  return undefined;
}

/** Fills what discovery would: a permissive schema and both sync modes unless the file says otherwise. */
function toStream(value: Record<string, unknown>): AirbyteStream {
  const stream = { ...value } as unknown as AirbyteStream;
  stream.jsonSchema ??= { type: 'object', properties: {} } as JsonObject;
  stream.supportedSyncModes ??= [...SYNC_MODES];
  stream.sourceDefinedCursor ??= false;
  stream.defaultCursorField ??= [];
  stream.sourceDefinedPrimaryKey ??= [];
  return stream;
}

function fail(file: string, lines: LineCounter, node: Node | null | undefined, message: string): never {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  throw new GitopsError('USAGE', `${file}:${line}:${col}: ${message}`, {
    hint: 'the --catalogs file maps a source name to a list of streams: see docs/emulator.md',
  });
}

/** Reads and checks a --catalogs file; every mistake names file:line:col. */
export function loadCatalogOverrides(file: string | undefined): CatalogOverrides {
  const overrides: CatalogOverrides = new Map();
  if (file === undefined) return overrides;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GitopsError('USAGE', `cannot read --catalogs file ${file}: ${(error as Error).message}`);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const [firstError] = document.errors;
  if (firstError) fail(file, lines, undefined, firstError.message.split('\n')[0] ?? 'invalid YAML');
  if (!isMap(document.contents)) fail(file, lines, document.contents, 'expected a mapping of source name to streams');
  for (const pair of document.contents.items) {
    const name = String((pair.key as { value?: unknown } | null)?.value ?? '');
    if (!isSeq(pair.value)) fail(file, lines, pair.value as Node | null, `source '${name}': expected a list of streams`);
    const streams = pair.value.items.map((item) => {
      const value = (item as Node).toJSON() as unknown;
      const problem = streamProblem(value);
      if (problem) fail(file, lines, item as Node, `source '${name}': ${problem}`);
      return toStream(value as Record<string, unknown>);
    });
    overrides.set(name, streams);
  }
  return overrides;
}

/** What identifies a version of the file on disk: its inode, size and modification time ('' when it is missing). */
function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

/**
 * The --catalogs file, read at start (a mistake then stops the emulator) and again whenever its modification time,
 * size or inode changed. A mistake in a later version is thrown by `current()` (file:line:col) until the file is
 * fixed; the version read last stays loaded meanwhile.
 */
export class CatalogOverridesFile {
  private overrides: CatalogOverrides;
  private stamp: string;

  constructor(readonly file: string | undefined) {
    this.stamp = file === undefined ? '' : stampOf(file);
    this.overrides = loadCatalogOverrides(file);
  }

  /** The overrides as the file says now. */
  current(): CatalogOverrides {
    if (this.file === undefined) return this.overrides;
    const stamp = stampOf(this.file);
    if (stamp !== this.stamp) {
      this.overrides = loadCatalogOverrides(this.file);
      this.stamp = stamp;
    }
    return this.overrides;
  }
}
