/**
 * Matching declared resources to remote ones by kind + name. Names are the identity: two remote resources of one
 * kind with the same name are an error as soon as the pipeline needs that name (never guess which one is meant).
 */
import { GitopsError } from '../../errors.js';
import type { ResourceKind } from '../../model/desired.js';

interface Named {
  id: string;
  name: string;
}

/** Remote resources of one kind by exact name. */
export class NameIndex<T extends Named> {
  private readonly byName = new Map<string, T[]>();

  constructor(
    readonly kind: ResourceKind,
    readonly all: readonly T[],
  ) {
    for (const item of all) {
      const named = this.byName.get(item.name);
      if (named === undefined) this.byName.set(item.name, [item]);
      else named.push(item);
    }
  }

  /** The one remote resource with this name, undefined if none; CONFLICT if several. */
  find(name: string): T | undefined {
    const found = this.byName.get(name) ?? [];
    if (found.length > 1) {
      const ids = found.map((item) => item.id).join(', ');
      throw new GitopsError('CONFLICT', `${found.length} remote ${this.kind}s are named '${name}' (ids ${ids}); names must be unique`, {
        meta: { kind: this.kind, name, ids: found.map((item) => item.id) },
        hint: `Rename or delete all but one of them in Airbyte, then plan again.`,
      });
    }
    return found[0];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/** What a declared resource corresponds to remotely. */
export interface Match<T> {
  existing: T | undefined;
  /** The previous name it is renamed from, when matched through `previousNames`. */
  renameFrom?: string;
  warnings: string[];
}

/**
 * The current name wins. Otherwise the first previous name that exists remotely is a rename in place (same id, so
 * connections and sync state are kept). A remote resource already claimed by another declaration is not reused.
 */
export function matchDeclared<T extends Named>(name: string, previousNames: string[], index: NameIndex<T>, claimed: Set<string>): Match<T> {
  const current = index.find(name);
  const warnings: string[] = [];
  if (current && !claimed.has(current.id)) {
    for (const old of previousNames) {
      const leftover = index.find(old);
      if (leftover && !claimed.has(leftover.id)) {
        warnings.push(`previous name '${old}' still exists (id ${leftover.id}) beside '${name}': not renamed, left unmanaged`);
      }
    }
    claimed.add(current.id);
    return { existing: current, warnings };
  }
  for (const old of previousNames) {
    const previous = index.find(old);
    if (previous && !claimed.has(previous.id)) {
      claimed.add(previous.id);
      return { existing: previous, renameFrom: old, warnings };
    }
  }
  return { existing: undefined, warnings };
}
