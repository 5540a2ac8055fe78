/**
 * `allStreams:` of a connection: `true`, or a mapping { namespaces?, exclude?, syncMode?, destinationSyncMode? }.
 * The schema checks shapes, types, unknown keys and modes; this reads the value into the desired model and checks
 * what needs the whole connection: repeated namespaces and exclusions, and overrides (the connection's `streams`)
 * that are excluded or outside `namespaces`. Linear in the size of the connection, and past PROBLEMS_LISTED problems
 * per connection the rest are counted in one, so a hostile file cannot flood the output.
 */
import type { DestinationSyncMode, SyncMode } from '../api/types.js';
import type { DesiredAllStreams, DesiredStream, ExcludedStream, SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { streamLabel } from '../streams/identity.js';
import { printable } from '../util/printable.js';
import { childPointer, type LocatedDocument } from './parse.js';

/** Problems of one connection's `allStreams` listed one by one; the rest are summed up in one problem. */
export const PROBLEMS_LISTED = 20;

const SYNC_MODES: readonly string[] = ['full_refresh', 'incremental'] satisfies SyncMode[];
const DESTINATION_SYNC_MODES: readonly string[] = ['append', 'overwrite', 'append_dedup', 'overwrite_dedup'] satisfies DestinationSyncMode[];

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);
const place = (loc: SourceLocation) => `${loc.file}:${loc.line}:${loc.col}`;

/** Namespaces as a message shows them: the first few, so that a list of thousands does not make every message huge. */
function shortList(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => `'${name}'`);
  return names.length > 5 ? `${shown.join(', ')}, … (${names.length} in all)` : shown.join(', ');
}

/** What `readAllStreams` found: the setting (undefined when absent or unreadable) and the problems. */
export interface AllStreamsResult {
  allStreams?: DesiredAllStreams;
  problems: Problem[];
}

class AllStreamsReader {
  private readonly listed: Problem[] = [];
  /** The problems past the listed ones: where the first is, how many, and whether any is an error. */
  private unlisted: { at: SourceLocation; count: number; severity: Problem['severity'] } | undefined;

  constructor(
    private readonly doc: LocatedDocument,
    private readonly pointer: string,
    /** "connection 'x'", for messages. */
    private readonly owner: string,
  ) {}

  loc(pointer: string): SourceLocation {
    return this.doc.locs.get(pointer)?.value ?? { file: this.doc.file, line: 1, col: 1 };
  }

  /** Names in `message` are the user's: shown escaped, like the schema's messages (a bidi mark would reorder it). */
  report(severity: Problem['severity'], at: SourceLocation, message: string): void {
    if (this.listed.length < PROBLEMS_LISTED) this.listed.push({ severity, ...at, message: printable(message) });
    else if (this.unlisted === undefined) this.unlisted = { at, count: 1, severity };
    else {
      this.unlisted.count += 1;
      if (severity === 'error') this.unlisted.severity = 'error';
    }
  }

  problems(): Problem[] {
    if (this.unlisted === undefined) return this.listed;
    const { at, count, severity } = this.unlisted;
    const what = severity === 'error' ? 'problem' : 'warning';
    const message =
      `${count.toLocaleString('en-US')} more ${what}${count === 1 ? '' : 's'} with 'allStreams' of ${this.owner}, ` +
      `not listed one by one: fix the ${PROBLEMS_LISTED} above first`;
    return [...this.listed, { severity, ...at, message }];
  }

  namespaces(value: unknown): string[] | undefined {
    if (!Array.isArray(value)) return undefined;
    const pointer = childPointer(this.pointer, 'namespaces');
    const seen = new Map<string, SourceLocation>();
    value.forEach((item, index) => {
      if (typeof item !== 'string') return;
      const at = this.loc(childPointer(pointer, index));
      const first = seen.get(item);
      if (first === undefined) seen.set(item, at);
      else this.report('error', at, `namespace '${item}' is listed twice in 'namespaces' of 'allStreams' of ${this.owner}: here and at ${place(first)}`);
    });
    return [...seen.keys()];
  }

  excluded(item: unknown, pointer: string): ExcludedStream | undefined {
    if (typeof item === 'string') return item === '' ? undefined : { name: item, loc: this.loc(pointer) };
    if (!isFields(item) || typeof item['name'] !== 'string' || item['name'] === '') return undefined;
    const excluded: ExcludedStream = { name: item['name'], loc: this.loc(childPointer(pointer, 'name')) };
    if (typeof item['namespace'] === 'string') excluded.namespace = item['namespace'];
    return excluded;
  }

  /**
   * The exclusions, each once. A name excluded in every namespace makes a `{ name, namespace }` entry of that name
   * redundant: an error too, since one of the two is not what the writer meant.
   */
  exclude(value: unknown, namespaces: string[] | undefined): ExcludedStream[] {
    const inNamespaces = namespaces === undefined ? undefined : new Set(namespaces);
    if (!Array.isArray(value)) return [];
    const pointer = childPointer(this.pointer, 'exclude');
    const entries = value.flatMap((item, index) => this.excluded(item, childPointer(pointer, index)) ?? []);
    const everywhere = new Map<string, ExcludedStream>();
    for (const entry of entries) if (entry.namespace === undefined && !everywhere.has(entry.name)) everywhere.set(entry.name, entry);
    const kept = new Map<string, ExcludedStream>();
    const result: ExcludedStream[] = [];
    for (const entry of entries) {
      const key = entry.namespace === undefined ? `*\u0000${entry.name}` : `=${entry.namespace}\u0000${entry.name}`;
      const first = kept.get(key);
      const broader = entry.namespace === undefined ? undefined : everywhere.get(entry.name);
      if (first !== undefined) {
        const message = `stream '${label(entry)}' is excluded twice in 'allStreams' of ${this.owner}: here and at ${place(first.loc)}; remove one`;
        this.report('error', entry.loc, message);
      } else if (broader !== undefined) {
        const message =
          `stream '${label(entry)}' is already excluded in every namespace by '${entry.name}' at ${place(broader.loc)} ` +
          `('allStreams' of ${this.owner}): remove this entry, or give that one a namespace`;
        this.report('error', entry.loc, message);
      } else {
        kept.set(key, entry);
        result.push(entry);
        if (entry.namespace !== undefined && namespaces !== undefined && !inNamespaces?.has(entry.namespace)) {
          const message =
            `'allStreams' of ${this.owner} excludes '${label(entry)}', but namespace '${entry.namespace}' is not in its 'namespaces' ` +
            `(${shortList(namespaces)}), so this excludes nothing: remove it, or fix the namespace`;
          this.report('warning', entry.loc, message);
        }
      }
    }
    return result;
  }

  /** Every override must be a stream that `allStreams` selects: not excluded, and in `namespaces` when given. */
  checkOverrides(allStreams: DesiredAllStreams, overrides: DesiredStream[]): void {
    const { namespaces } = allStreams;
    const inNamespaces = namespaces === undefined ? undefined : new Set(namespaces);
    const everywhere = new Map<string, ExcludedStream>();
    const inNamespace = new Map<string, ExcludedStream>();
    /** Exclusions in one namespace, by name only: an override without namespace may mean any of them. */
    const anyNamespace = new Map<string, ExcludedStream>();
    for (const entry of allStreams.exclude) {
      if (entry.namespace === undefined) everywhere.set(entry.name, entry);
      else if (inNamespaces === undefined || inNamespaces.has(entry.namespace)) {
        inNamespace.set(`${entry.namespace}\u0000${entry.name}`, entry);
        if (!anyNamespace.has(entry.name)) anyNamespace.set(entry.name, entry);
      }
    }
    for (const stream of overrides) {
      const it = `stream '${streamLabel(stream)}' of ${this.owner}`;
      if (stream.namespace !== undefined && namespaces !== undefined && !inNamespaces?.has(stream.namespace)) {
        const message =
          `${it} is overridden under 'streams', but namespace '${stream.namespace}' is not in 'namespaces' of 'allStreams' ` +
          `(${shortList(namespaces)}), so the stream is not synced: add '${stream.namespace}' to 'namespaces', ` +
          `or remove the override`;
        this.report('error', stream.loc, message);
        continue;
      }
      const exact = everywhere.get(stream.name) ?? (stream.namespace === undefined ? undefined : inNamespace.get(`${stream.namespace}\u0000${stream.name}`));
      if (exact !== undefined) {
        const message =
          `${it} is overridden under 'streams', but excluded from 'allStreams' at ${place(exact.loc)}: ` +
          `an excluded stream is not synced, so remove the override or the exclusion`;
        this.report('error', stream.loc, message);
        continue;
      }
      const maybe = stream.namespace === undefined ? anyNamespace.get(stream.name) : undefined;
      if (maybe !== undefined) {
        const message =
          `${it} is overridden under 'streams' without a namespace, and '${label(maybe)}' is excluded from 'allStreams' at ${place(maybe.loc)}: ` +
          `give the override the 'namespace' of the stream it means (an excluded stream cannot be overridden)`;
        this.report('error', stream.loc, message);
      }
    }
  }

  read(value: unknown, overrides: DesiredStream[]): DesiredAllStreams | undefined {
    const at = this.loc(this.pointer);
    if (value === false) {
      const message =
        `'allStreams: false' in ${this.owner} is not a setting: remove the line (a connection without 'allStreams' syncs ` +
        `the streams listed under 'streams'), or write 'allStreams: true' to sync every stream`;
      this.report('error', at, message);
      return undefined;
    }
    if (value === true) return { exclude: [], loc: at };
    // Any other shape is the schema's to report.
    if (!isFields(value)) return undefined;
    const allStreams: DesiredAllStreams = { exclude: [], loc: at };
    const namespaces = this.namespaces(value['namespaces']);
    if (namespaces !== undefined) allStreams.namespaces = namespaces;
    allStreams.exclude = this.exclude(value['exclude'], namespaces);
    const { syncMode, destinationSyncMode } = value;
    if (typeof syncMode === 'string' && SYNC_MODES.includes(syncMode)) allStreams.syncMode = syncMode as SyncMode;
    if (typeof destinationSyncMode === 'string' && DESTINATION_SYNC_MODES.includes(destinationSyncMode)) {
      allStreams.destinationSyncMode = destinationSyncMode as DestinationSyncMode;
    }
    this.checkOverrides(allStreams, overrides);
    return allStreams;
  }
}

const label = (entry: ExcludedStream) => (entry.namespace === undefined ? entry.name : streamLabel(entry));

/**
 * Reads the `allStreams` value of the connection at `pointer` (`value` undefined when the key is absent); `owner`
 * names the connection in messages, `overrides` are its streams.
 */
export function readAllStreams(value: unknown, doc: LocatedDocument, pointer: string, owner: string, overrides: DesiredStream[]): AllStreamsResult {
  if (value === undefined) return { problems: [] };
  const reader = new AllStreamsReader(doc, pointer, owner);
  const allStreams = reader.read(value, overrides);
  return { ...(allStreams === undefined ? {} : { allStreams }), problems: reader.problems() };
}
