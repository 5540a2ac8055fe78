/**
 * How much a simulated sync of one stream moves, so that job stats look like a real sync's. Deterministic:
 * the same source configuration and stream always give the same numbers.
 */
import type { JsonObject } from '../../api/types.js';
import { FAKER_PRODUCT_COUNT, sourceFaker } from './source-faker.js';
import type { ConnectorDefinition } from './types.js';
import { numberAt, stableHash, stringAt } from './values.js';

/** Records and bytes one sync of a stream emits. */
export interface SyncVolume {
  records: number;
  bytes: number;
}

/** Used when a stream is not in the discovered catalog (e.g. one that `--catalogs` added). */
const FALLBACK_COLUMNS = 8;
const MIN_RECORDS = 1_000;
const RECORD_SPREAD = 49_000;

/** Rough serialized size of a record: the envelope plus an average column. */
function bytesPerRecord(columns: number): number {
  return 64 + 18 * columns;
}

function columnCount(definition: ConnectorDefinition, configuration: JsonObject, streamName: string): number {
  const found = definition.discover?.(configuration).streams.find((entry) => entry.stream.name === streamName);
  const properties = found?.stream.jsonSchema?.['properties'];
  return typeof properties === 'object' && properties !== null ? Object.keys(properties).length : FALLBACK_COLUMNS;
}

/** Faker generates exactly what it is told: `count` users and purchases, and its fixed list of products. */
function fakerRecords(configuration: JsonObject, streamName: string): number {
  const count = Math.max(1, Math.floor(numberAt(configuration, 'count', 1000)));
  return streamName === 'products' ? FAKER_PRODUCT_COUNT : count;
}

/** Other sources: a stable size per dataset (database or file URL) and stream, between 1,000 and 50,000. */
function derivedRecords(definition: ConnectorDefinition, configuration: JsonObject, streamName: string): number {
  const dataset = stringAt(configuration, 'database') ?? stringAt(configuration, 'url') ?? '';
  return MIN_RECORDS + (stableHash(`${definition.definitionId}/${dataset}/${streamName}`) % RECORD_SPREAD);
}

/** Records and bytes for a sync of `streamName`; a destination definition moves nothing by itself. */
export function syncVolume(definition: ConnectorDefinition, configuration: JsonObject, streamName: string): SyncVolume {
  if (definition.kind !== 'source') return { records: 0, bytes: 0 };
  const records =
    definition.definitionId === sourceFaker.definitionId ? fakerRecords(configuration, streamName) : derivedRecords(definition, configuration, streamName);
  return { records, bytes: records * bytesPerRecord(columnCount(definition, configuration, streamName)) };
}
