/**
 * The catalog diff as the Airbyte server computes it (`sources/discover_schema` with a `connectionId`): a
 * connection's stored catalog against a newly discovered one. Used by `plan --refresh` to show schema drift without
 * asking the server (whose diff has side effects) and by the emulator to answer like the server.
 *
 * The server's rules, restated:
 * - Streams are matched by namespace + name (`streamKey`). A stream only in the stored catalog is `remove_stream`,
 *   one only in the discovered catalog is `add_stream`; neither is ever breaking.
 * - A stream in both is compared only when it is selected in the stored catalog (the connection's configured
 *   catalog); it gives `update_stream` when at least one field or attribute transform is found.
 * - Fields are every node of `jsonSchema` below the root, in depth-first preorder: object properties add their name
 *   to the path, array items add `items`, and the alternatives of `oneOf` / `allOf` / `anyOf` stay at their parent's
 *   path. A node with no key containing "type" (an untyped node, `{}`, a bare `oneOf`) is a field itself but hides the
 *   typed nodes met after it whose dotted name starts with its own (those below it, and, as the server compares
 *   strings, a later sibling such as `meta_id` after an untyped `meta`). A path met twice has the schema
 *   "Duplicated Schema".
 * - A field only in the stored schema is `remove_field`, breaking when it is the configured stream's cursor
 *   (incremental sync) or one of its primary-key paths (a `*_dedup` destination mode). A field only in the
 *   discovered schema is `add_field`; a field whose schema node differs in any way is `update_field_schema`; neither
 *   is ever breaking.
 * - A changed `sourceDefinedPrimaryKey` is `update_primary_key`, breaking when the destination mode dedups, the new
 *   key is not empty and (as a set of paths) differs from the configured primary key.
 *
 * Linear in the size of both catalogs: streams and fields are looked up in maps.
 */
import equal from 'fast-deep-equal';
import type {
  AirbyteCatalog,
  AirbyteStream,
  AirbyteStreamAndConfiguration,
  AirbyteStreamConfiguration,
  CatalogDiff,
  DestinationSyncMode,
  FieldTransform,
  JsonObject,
  StreamAttributeTransform,
  StreamDescriptor,
  StreamTransform,
} from '../api/types.js';
import { namespaceOf, streamKey } from './identity.js';

/** The schema the server reports for a field path that occurs more than once in one stream's schema. */
export const DUPLICATED_SCHEMA = 'Duplicated Schema';

const COMPOSITE_KEYWORDS = ['oneOf', 'allOf', 'anyOf'] as const;

/** One field of a stream's schema: its path and its JSON Schema node (or DUPLICATED_SCHEMA). */
export interface SchemaField {
  path: string[];
  schema: JsonObject | typeof DUPLICATED_SCHEMA;
}

/** A JSON object (util/ is beside streams/, not below it, so the test is restated here). */
function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key for a field path; not for display. */
function pathKey(path: readonly string[]): string {
  return path.join('\u0000');
}

/** The JSON Schema types of a node; an untyped node is an object, an `enum` a string. */
function typesOf(node: JsonObject): string[] {
  const type = node['type'];
  if (Array.isArray(type)) return type.map(String);
  if (type !== undefined && type !== null) return [String(type)];
  if ('enum' in node) return ['string'];
  return ['object'];
}

/** The server's test for "a oneOf field": no key of the node contains "type". */
function isUntyped(node: JsonObject): boolean {
  return !Object.keys(node).some((key) => key.includes('type'));
}

/**
 * The server's test for a field hidden by an untyped node met before it: the field's dotted name starts with the
 * untyped node's dotted name. A string test, as the server's: an untyped `meta` also hides a later `meta_id`.
 */
function hiddenBy(untyped: ReadonlySet<string>, dotted: string): boolean {
  if (untyped.size === 0) return false;
  for (let end = 1; end <= dotted.length; end++) if (untyped.has(dotted.slice(0, end))) return true;
  return false;
}

/** Every field of a stream's JSON Schema by path key, in depth-first preorder (see the rules above). */
export function schemaFields(jsonSchema: JsonObject | undefined): Map<string, SchemaField> {
  const fields = new Map<string, SchemaField>();
  // Dotted names of the untyped nodes met so far.
  const untyped = new Set<string>();

  const visit = (node: unknown, path: string[]): void => {
    if (!isJsonObject(node)) return; // the server rejects such a schema; nothing to list below it
    if (path.length > 0) {
      const dotted = path.join('.');
      let kept = true;
      if (isUntyped(node)) untyped.add(dotted);
      else kept = !hiddenBy(untyped, dotted);
      if (kept) {
        const key = pathKey(path);
        fields.set(key, { path, schema: fields.has(key) ? DUPLICATED_SCHEMA : node });
      }
    }
    for (const type of typesOf(node)) {
      if (type === 'array') {
        const items = node['items'];
        if (items !== undefined) visit(items, [...path, 'items']);
      } else if (type === 'object') {
        const properties = node['properties'];
        if (isJsonObject(properties)) {
          for (const [name, child] of Object.entries(properties)) visit(child, [...path, name]);
        } else {
          const keyword = COMPOSITE_KEYWORDS.find((word) => word in node);
          const alternatives = keyword === undefined ? undefined : node[keyword];
          if (Array.isArray(alternatives)) for (const alternative of alternatives) visit(alternative, path);
        }
      }
    }
  };
  visit(jsonSchema ?? {}, []);
  return fields;
}

function isDedup(mode: DestinationSyncMode): boolean {
  return mode === 'append_dedup' || mode === 'overwrite_dedup';
}

/** Primary keys compared as sets of paths, as the server does (order and repeats do not count). */
function sameKeySet(left: readonly string[][], right: readonly string[][]): boolean {
  const leftKeys = new Set(left.map((path) => JSON.stringify(path)));
  const rightKeys = new Set(right.map((path) => JSON.stringify(path)));
  return leftKeys.size === rightKeys.size && [...leftKeys].every((key) => rightKeys.has(key));
}

function primaryKeyChangeBreaks(config: AirbyteStreamConfiguration, newKey: string[][]): boolean {
  if (newKey.length === 0) return false;
  return isDedup(config.destinationSyncMode) && !sameKeySet(config.primaryKey ?? [], newKey);
}

function removedFieldBreaks(config: AirbyteStreamConfiguration, path: readonly string[]): boolean {
  if (config.syncMode === 'incremental' && config.cursorField !== undefined && equal(config.cursorField, path)) return true;
  return isDedup(config.destinationSyncMode) && (config.primaryKey ?? []).some((key) => equal(key, path));
}

function descriptorOf(stream: AirbyteStream): StreamDescriptor {
  const namespace = namespaceOf(stream);
  return namespace === '' ? { name: stream.name } : { name: stream.name, namespace };
}

/** The field and attribute transforms of one stream selected in the stored catalog. */
function streamDiff(stored: AirbyteStream, discovered: AirbyteStream, config: AirbyteStreamConfiguration): NonNullable<StreamTransform['updateStream']> {
  const streamAttributeTransforms: StreamAttributeTransform[] = [];
  const oldKey = stored.sourceDefinedPrimaryKey ?? [];
  const newKey = discovered.sourceDefinedPrimaryKey ?? [];
  if (!equal(oldKey, newKey)) {
    streamAttributeTransforms.push({
      transformType: 'update_primary_key',
      breaking: primaryKeyChangeBreaks(config, newKey),
      updatePrimaryKey: { oldPrimaryKey: oldKey, newPrimaryKey: newKey },
    });
  }

  const oldFields = schemaFields(stored.jsonSchema);
  const newFields = schemaFields(discovered.jsonSchema);
  const removed: FieldTransform[] = [];
  const updated: FieldTransform[] = [];
  for (const [key, field] of oldFields) {
    const fresh = newFields.get(key);
    if (fresh === undefined) {
      removed.push({
        transformType: 'remove_field',
        fieldName: field.path,
        breaking: removedFieldBreaks(config, field.path),
        removeField: { schema: field.schema as JsonObject },
      });
    } else if (!equal(field.schema, fresh.schema)) {
      updated.push({
        transformType: 'update_field_schema',
        fieldName: field.path,
        breaking: false,
        updateFieldSchema: { oldSchema: field.schema as JsonObject, newSchema: fresh.schema as JsonObject },
      });
    }
  }
  const added: FieldTransform[] = [];
  for (const [key, field] of newFields) {
    if (!oldFields.has(key))
      added.push({ transformType: 'add_field', fieldName: field.path, breaking: false, addField: { schema: field.schema as JsonObject } });
  }
  return { fieldTransforms: [...removed, ...added, ...updated], streamAttributeTransforms };
}

function byKey(catalog: AirbyteCatalog): Map<string, AirbyteStreamAndConfiguration> {
  const entries = new Map<string, AirbyteStreamAndConfiguration>();
  for (const entry of catalog.streams) entries.set(streamKey(entry.stream), entry);
  return entries;
}

/** The server's diff of a connection's stored (configured) catalog against a newly discovered one. */
export function diffCatalogs(stored: AirbyteCatalog, discovered: AirbyteCatalog): CatalogDiff {
  const old = byKey(stored);
  const fresh = byKey(discovered);
  const transforms: StreamTransform[] = [];
  for (const [key, entry] of old) {
    if (!fresh.has(key)) transforms.push({ transformType: 'remove_stream', streamDescriptor: descriptorOf(entry.stream) });
  }
  for (const [key, entry] of fresh) {
    if (!old.has(key)) transforms.push({ transformType: 'add_stream', streamDescriptor: descriptorOf(entry.stream) });
  }
  for (const [key, entry] of old) {
    const now = fresh.get(key);
    // Only streams of the configured catalog (the selected ones) are compared field by field.
    if (now === undefined || entry.config.selected === false) continue;
    const updateStream = streamDiff(entry.stream, now.stream, entry.config);
    if (updateStream.fieldTransforms.length > 0 || updateStream.streamAttributeTransforms.length > 0) {
      transforms.push({ transformType: 'update_stream', streamDescriptor: descriptorOf(entry.stream), updateStream });
    }
  }
  return { transforms };
}

/** True when the server would call the diff breaking: any breaking field or attribute transform of an updated stream. */
export function isBreaking(diff: CatalogDiff): boolean {
  return diff.transforms.some(
    (transform) =>
      transform.transformType === 'update_stream' &&
      transform.updateStream !== undefined &&
      (transform.updateStream.fieldTransforms.some((field) => field.breaking) ||
        transform.updateStream.streamAttributeTransforms.some((attribute) => attribute.breaking)),
  );
}
