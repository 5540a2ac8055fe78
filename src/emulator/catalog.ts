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

export function sourceDefinition(ctx: Context, id: string): ConnectorDefinition {
  const found = ctx.definitions.find((definition) => definition.kind === 'source' && definition.definitionId === id);
  if (!found) throw notFound('STANDARD_SOURCE_DEFINITION', id);
  return found;
}

export function destinationDefinition(ctx: Context, id: string): ConnectorDefinition {
  const found = ctx.definitions.find((definition) => definition.kind === 'destination' && definition.definitionId === id);
  if (!found) throw notFound('STANDARD_DESTINATION_DEFINITION', id);
  return found;
}

export function definitionOf(ctx: Context, kind: 'source' | 'destination', id: string): ConnectorDefinition {
  return kind === 'source' ? sourceDefinition(ctx, id) : destinationDefinition(ctx, id);
}
