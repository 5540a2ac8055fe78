/**
 * A stream's identity: namespace + name. The one place that says what a missing namespace means, used by the
 * pipeline loader, the checks, the catalog built for Airbyte and the catalog diff.
 *
 * The rule:
 * - In a catalog, a namespace that is absent, null or "" is "no namespace": all three are the same stream.
 * - A desired stream with a `namespace` matches only the stream with that namespace and name ("" selects the stream
 *   without namespace).
 * - A desired stream without `namespace` matches by name when exactly one stream has that name, whatever its
 *   namespace; when several have it, the match is ambiguous and the user must say which.
 */

/** Anything named like a stream: a catalog's `AirbyteStream` (namespace may be null) or a pipeline's stream. */
export interface StreamName {
  name: string;
  namespace?: string | null | undefined;
}

/** The namespace a catalog stream is in, "" for none. */
export function namespaceOf(stream: StreamName): string {
  return stream.namespace ?? '';
}

/** A key for maps and sets: equal exactly when two streams are the same stream. Not for display. */
export function streamKey(stream: StreamName): string {
  return `${namespaceOf(stream)}\u0000${stream.name}`;
}

/** How a stream is named in messages and plan field paths: `namespace.name`, or `name` without namespace. */
export function streamLabel(stream: StreamName): string {
  const namespace = namespaceOf(stream);
  return namespace === '' ? stream.name : `${namespace}.${stream.name}`;
}

/** The result of looking a desired stream up in a catalog. */
export type StreamLookup<T> = { kind: 'found'; entry: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'missing' };

/** Finds the stream `wanted` means among `catalog` entries, by the rule above. */
export function lookupStream<T extends { stream: StreamName }>(wanted: StreamName, catalog: readonly T[]): StreamLookup<T> {
  const sameName = catalog.filter(({ stream }) => stream.name === wanted.name);
  if (wanted.namespace !== undefined && wanted.namespace !== null) {
    const exact = sameName.find(({ stream }) => namespaceOf(stream) === wanted.namespace);
    return exact === undefined ? { kind: 'missing' } : { kind: 'found', entry: exact };
  }
  const [only] = sameName;
  if (sameName.length > 1) return { kind: 'ambiguous', candidates: sameName };
  return only === undefined ? { kind: 'missing' } : { kind: 'found', entry: only };
}

/** True when `catalog` holds the stream `wanted` means (an ambiguous name counts: the stream is there). */
export function catalogHolds(wanted: StreamName, catalog: readonly { stream: StreamName }[]): boolean {
  return lookupStream(wanted, catalog).kind !== 'missing';
}
