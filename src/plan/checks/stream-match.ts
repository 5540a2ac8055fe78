/**
 * Finding a desired stream in a source's catalog, with what to tell the user when it is not there. Which stream a
 * desired one means is streams/identity.ts's rule; this module only explains a miss.
 */
import type { AirbyteStreamAndConfiguration } from '../../api/types.js';
import type { DesiredStream } from '../../model/desired.js';
import { lookupStream, namespaceOf, streamLabel, type StreamLookup } from '../../streams/identity.js';
import { closest } from '../../util/suggest.js';
import { printable } from '../../util/printable.js';

/** The result of looking a desired stream up in a catalog. */
export type StreamMatch =
  { kind: 'found'; entry: AirbyteStreamAndConfiguration } | { kind: 'ambiguous'; namespaces: string[] } | { kind: 'missing'; detail: string };

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
    const where = sameName.map((entry) => (namespaceOf(entry.stream) === '' ? 'no namespace' : `namespace '${printable(namespaceOf(entry.stream))}'`));
    return `it is in ${where.join(', ')}`;
  }
  // Within the namespace the user wrote, plain names read best; across namespaces only qualified names are exact.
  const inNamespace = catalog.filter((entry) => stream.namespace !== undefined && namespaceOf(entry.stream) === stream.namespace);
  const pool = inNamespace.length > 0 ? inNamespace : catalog;
  const namespaces = new Set(pool.map((entry) => namespaceOf(entry.stream)));
  const plain = namespaces.size === 1;
  const names = pool.map((entry) => (plain ? entry.stream.name : streamLabel(entry.stream)));
  const [best] = closest(plain ? stream.name : streamLabel(stream), names, 1);
  // Names come from the source's catalog: shown escaped, never as raw terminal control sequences.
  const suggestion = best === undefined ? '' : `did you mean '${printable(best)}'? `;
  return `${suggestion}available: ${availableList(names.map((name) => printable(name)))}`;
}

/** Looks `stream` up in `catalog`; `find` (the same catalog grouped by name) spares a scan per stream. */
export function matchStream(
  stream: DesiredStream,
  catalog: AirbyteStreamAndConfiguration[],
  find: (wanted: DesiredStream) => StreamLookup<AirbyteStreamAndConfiguration> = (wanted) => lookupStream(wanted, catalog),
): StreamMatch {
  const found = find(stream);
  if (found.kind === 'found') return found;
  if (found.kind === 'ambiguous') {
    return { kind: 'ambiguous', namespaces: found.candidates.map((entry) => (namespaceOf(entry.stream) === '' ? '(none)' : namespaceOf(entry.stream))) };
  }
  return { kind: 'missing', detail: missingDetail(stream, catalog) };
}
