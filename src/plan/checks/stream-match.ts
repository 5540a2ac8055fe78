/**
 * Finding a desired stream in a source's catalog. Streams are identified by namespace + name; a stream written
 * without a namespace matches by name when exactly one namespace has it.
 */
import type { AirbyteStreamAndConfiguration } from '../../api/types.js';
import type { DesiredStream } from '../../model/desired.js';
import { closest } from '../../util/suggest.js';

/** The result of looking a desired stream up in a catalog. */
export type StreamMatch =
  { kind: 'found'; entry: AirbyteStreamAndConfiguration } | { kind: 'ambiguous'; namespaces: string[] } | { kind: 'missing'; detail: string };

/** How a stream is named in messages: `namespace.name`, or `name` when it has no namespace. */
export function streamLabel(stream: { name: string; namespace?: string | undefined }): string {
  return stream.namespace === undefined ? stream.name : `${stream.namespace}.${stream.name}`;
}

/** How many names an "available:" list shows before summarising the rest. */
const LISTED = 20;

function availableList(names: string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  const shown = sorted.slice(0, LISTED).join(', ');
  return sorted.length > LISTED ? `${shown}, … (${sorted.length - LISTED} more)` : shown;
}

/** "did you mean 'x'? available: a, b" for a stream that is not in the catalog. */
function missingDetail(stream: DesiredStream, catalog: AirbyteStreamAndConfiguration[]): string {
  if (catalog.length === 0) return 'the source reports no streams';
  const sameName = catalog.filter((entry) => entry.stream.name === stream.name);
  if (sameName.length > 0) {
    const where = sameName.map((entry) => (entry.stream.namespace === undefined ? 'no namespace' : `namespace '${entry.stream.namespace}'`));
    return `it is in ${where.join(', ')}`;
  }
  // Within the namespace the user wrote, plain names read best; across namespaces only qualified names are exact.
  const inNamespace = catalog.filter((entry) => stream.namespace !== undefined && entry.stream.namespace === stream.namespace);
  const pool = inNamespace.length > 0 ? inNamespace : catalog;
  const namespaces = new Set(pool.map((entry) => entry.stream.namespace));
  const plain = namespaces.size === 1;
  const names = pool.map((entry) => (plain ? entry.stream.name : streamLabel(entry.stream)));
  const [best] = closest(plain ? stream.name : streamLabel(stream), names, 1);
  const suggestion = best === undefined ? '' : `did you mean '${best}'? `;
  return `${suggestion}available: ${availableList(names)}`;
}

/** Looks `stream` up in `catalog`. */
export function matchStream(stream: DesiredStream, catalog: AirbyteStreamAndConfiguration[]): StreamMatch {
  const byName = catalog.filter((entry) => entry.stream.name === stream.name);
  if (stream.namespace !== undefined) {
    const exact = byName.find((entry) => entry.stream.namespace === stream.namespace);
    if (exact !== undefined) return { kind: 'found', entry: exact };
  } else if (byName.length === 1 && byName[0] !== undefined) {
    return { kind: 'found', entry: byName[0] };
  } else if (byName.length > 1) {
    return { kind: 'ambiguous', namespaces: byName.map((entry) => entry.stream.namespace ?? '(none)') };
  }
  return { kind: 'missing', detail: missingDetail(stream, catalog) };
}
