/**
 * Look-ups by name built once per plan, so that matching thousands of resources costs one map access each
 * instead of a scan of every list.
 */

/** Items by exact name; the first of several with one name wins, as a scan from the start would find it. */
export class ByName<T extends { name: string }> {
  private readonly entries = new Map<string, { item: T; index: number }>();

  constructor(items: readonly T[]) {
    items.forEach((item, index) => {
      if (!this.entries.has(item.name)) this.entries.set(item.name, { item, index });
    });
  }

  get(name: string): T | undefined {
    return this.entries.get(name)?.item;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The item named `name`; else, of the items named one of `previousNames`, the first in list order. */
  nameOrPrevious(name: string, previousNames: readonly string[]): T | undefined {
    const own = this.entries.get(name);
    if (own !== undefined) return own.item;
    let first: { item: T; index: number } | undefined;
    for (const previous of previousNames) {
      const entry = this.entries.get(previous);
      if (entry !== undefined && (first === undefined || entry.index < first.index)) first = entry;
    }
    return first?.item;
  }
}

/** Items grouped by a key (e.g. connections by their source's id), in list order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}
