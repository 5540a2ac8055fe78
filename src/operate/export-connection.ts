/**
 * A connection as pipeline YAML: schedule in the file's short form, status, namespace settings, and the selected
 * streams with their current modes, cursor and primary key. Where the source defines the cursor or key, its own
 * value is written: `validate` then sees an incremental stream's cursor and a dedup stream's key, and `plan`
 * treats a value equal to the source-defined one as no difference (Airbyte uses the source's own anyway).
 */
import type { AirbyteStreamAndConfiguration, JsonObject } from '../api/types.js';
import type { RemoteConnection } from '../model/remote.js';

function schedule(connection: RemoteConnection): JsonObject | string {
  const data = connection.scheduleData;
  if (connection.scheduleType === 'basic' && data?.basicSchedule) return { units: data.basicSchedule.units, timeUnit: data.basicSchedule.timeUnit };
  if (connection.scheduleType === 'cron' && data?.cron) return { cron: data.cron.cronExpression, timezone: data.cron.cronTimeZone };
  return 'manual';
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list !== undefined && list.length > 0 ? list : undefined);

function streamDoc({ stream, config }: AirbyteStreamAndConfiguration): JsonObject {
  const doc: JsonObject = { name: stream.name };
  if (stream.namespace !== undefined && stream.namespace !== null) doc['namespace'] = stream.namespace;
  doc['syncMode'] = config.syncMode;
  doc['destinationSyncMode'] = config.destinationSyncMode;
  const cursor = nonEmpty(stream.sourceDefinedCursor === true ? stream.defaultCursorField : undefined) ?? nonEmpty(config.cursorField);
  if (cursor !== undefined) doc['cursorField'] = cursor;
  const key = nonEmpty(stream.sourceDefinedPrimaryKey) ?? nonEmpty(config.primaryKey);
  if (key !== undefined) doc['primaryKey'] = key;
  if (config.fieldSelectionEnabled === true && config.selectedFields !== undefined) {
    doc['selectedFields'] = config.selectedFields.map((field) => field.fieldPath.join('.'));
  }
  return doc;
}

/** Keeps Airbyte's own `${SOURCE_NAMESPACE}` placeholders literal in the file. */
const literal = (text: string) => text.split('${').join('$${');

export function connectionDoc(connection: RemoteConnection, nameOf: (id: string) => string, warnings: string[]): JsonObject {
  const doc: JsonObject = { name: connection.name, source: nameOf(connection.sourceId), destination: nameOf(connection.destinationId) };
  if (connection.status === 'active' || connection.status === 'inactive') doc['status'] = connection.status;
  else {
    doc['status'] = 'inactive';
    warnings.push(`connection '${connection.name}' is ${connection.status} in Airbyte; exported as inactive`);
  }
  doc['schedule'] = schedule(connection);
  if (connection.namespaceDefinition !== undefined) doc['namespaceDefinition'] = connection.namespaceDefinition;
  if (connection.namespaceDefinition === 'customformat' && connection.namespaceFormat !== undefined)
    doc['namespaceFormat'] = literal(connection.namespaceFormat);
  if (connection.prefix !== undefined && connection.prefix !== '') doc['prefix'] = literal(connection.prefix);
  if (connection.nonBreakingChangesPreference !== undefined) doc['nonBreakingChangesPreference'] = connection.nonBreakingChangesPreference;
  const streams = connection.syncCatalog.streams.filter((entry) => entry.config.selected !== false);
  if (streams.length === 0) warnings.push(`connection '${connection.name}' has no selected streams; add at least one before validate`);
  doc['streams'] = streams.map(streamDoc);
  return doc;
}
