/**
 * Human names for places in a pipeline file, from JSON pointers: "connection 'pg-to-s3'",
 * "stream 'customers' of connection 'pg-to-s3'", "item 2 of 'cursorField'". Shared by the schema error messages
 * and the cross-checks so both speak the same way.
 */

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(root: unknown, segments: string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function nameOf(root: unknown, segments: string[]): string | undefined {
  const value = at(root, [...segments, 'name']);
  return typeof value === 'string' ? value : undefined;
}

const KIND_OF_LIST: Record<string, string> = { sources: 'source', destinations: 'destination', connections: 'connection' };

/**
 * How the resource at `segments` is called, if it is one (a source, destination, connection, stream, schedule, a
 * connection's `allStreams`). Such a name already says what holds it ("stream 's' of connection 'c'").
 */
function resourceName(root: unknown, segments: string[]): string | undefined {
  const [list, index, child, childIndex] = segments;
  const kind = list === undefined ? undefined : KIND_OF_LIST[list];
  if (kind === undefined || index === undefined || !/^\d+$/.test(index)) return undefined;
  const own = nameOf(root, [list as string, index]);
  const resource = own === undefined ? `${kind} #${Number(index) + 1}` : `${kind} '${own}'`;
  if (segments.length === 2) return resource;
  if (kind !== 'connection') return undefined;
  if (child === 'schedule' && segments.length === 3) return `the schedule of ${resource}`;
  if (child === 'allStreams' && segments.length === 3) return `'allStreams' of ${resource}`;
  if (child === 'allStreams' && childIndex === 'exclude' && segments.length === 5 && /^\d+$/.test(segments[4] as string)) {
    return `item ${Number(segments[4]) + 1} of 'exclude' in 'allStreams' of ${resource}`;
  }
  if (child !== 'streams' || childIndex === undefined || segments.length !== 4) return undefined;
  const stream = nameOf(root, segments);
  return `${stream === undefined ? `stream #${Number(childIndex) + 1}` : `stream '${stream}'`} of ${resource}`;
}

/**
 * " in connection 'x'" for the nearest resource strictly containing `pointer`; "" at the top level, and for a
 * resource, whose name already says what holds it.
 */
export function where(root: unknown, pointer: string): string {
  const segments = pointerSegments(pointer);
  if (resourceName(root, segments) !== undefined) return '';
  for (let length = segments.length - 1; length >= 2; length--) {
    const name = resourceName(root, segments.slice(0, length));
    if (name !== undefined) return ` in ${name}`;
  }
  return '';
}

/** The thing at `pointer` itself: "connection 'x'", "'port'", "item 2 of 'cursorField'" or "the file". */
export function subject(root: unknown, pointer: string): string {
  const segments = pointerSegments(pointer);
  const own = resourceName(root, segments);
  if (own !== undefined) return own;
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the file';
  if (/^\d+$/.test(last) && segments.length >= 2) return `item ${Number(last) + 1} of '${segments[segments.length - 2]}'`;
  return `'${last}'`;
}
