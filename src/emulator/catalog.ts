/** Where the emulator's connector definitions come from: the caller's (tests) or the built-in catalog. */
import { connectorDefinitions, syncVolume } from './connectors/index.js';
import type { ConnectorDefinition } from './connectors/types.js';
import { notFound } from './errors.js';
import type { Context, SyncVolume } from './types.js';

/** Deterministic stand-in for callers that bring definitions but no volume function: a few thousand records. */
export const fallbackSyncVolume: SyncVolume = (_definition, _configuration, streamName) => {
  let hash = 0;
  for (const char of streamName) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const records = 1000 + (hash % 9000);
  return { records, bytes: records * 240 };
};

/** The built-in catalog (./connectors): realistic definitions and sync volumes. */
export const builtInCatalog: { definitions: ConnectorDefinition[]; syncVolume: SyncVolume } = { definitions: connectorDefinitions, syncVolume };

/** Definitions by kind and id, built once per definitions list (a registry has hundreds). */
const indexes = new WeakMap<ConnectorDefinition[], Map<string, ConnectorDefinition>>();

/** The definition of `kind` with this id, or undefined (the throwing lookups below answer the server's 404). */
export function lookup(ctx: Context, kind: ConnectorDefinition['kind'], id: string): ConnectorDefinition | undefined {
  let index = indexes.get(ctx.definitions);
  if (index === undefined) {
    index = new Map();
    for (const definition of ctx.definitions) {
      const key = `${definition.kind}/${definition.definitionId}`;
      if (!index.has(key)) index.set(key, definition);
    }
    indexes.set(ctx.definitions, index);
  }
  return index.get(`${kind}/${id}`);
}

export function sourceDefinition(ctx: Context, id: string): ConnectorDefinition {
  const found = lookup(ctx, 'source', id);
  if (!found) throw notFound('STANDARD_SOURCE_DEFINITION', id);
  return found;
}

export function destinationDefinition(ctx: Context, id: string): ConnectorDefinition {
  const found = lookup(ctx, 'destination', id);
  if (!found) throw notFound('STANDARD_DESTINATION_DEFINITION', id);
  return found;
}

export function definitionOf(ctx: Context, kind: 'source' | 'destination', id: string): ConnectorDefinition {
  return kind === 'source' ? sourceDefinition(ctx, id) : destinationDefinition(ctx, id);
}
