/**
 * The shape of every answer the product reads, as compact JSON Schemas. Each one is cut down from the response
 * schema of the Config API's OpenAPI spec (`components/schemas/<Name>`, the same in v1.6.0 and after v2.0.0
 * unless noted) to the fields the code reads: a field the product dereferences or iterates is required with its
 * type; everything else may be absent and any extra field is allowed, so a newer server that adds fields still
 * passes. Enums the product does not branch on exhaustively stay plain strings, so a new status on a newer server
 * is not an error.
 */
import type { Call } from './retry.js';

type Schema = Record<string, unknown>;

const id: Schema = { type: 'string', minLength: 1 };
const text: Schema = { type: 'string' };
const object: Schema = { type: 'object' };
const strings: Schema = { type: 'array', items: text };

/** An object with these fields required (and typed); other fields are free. */
function shape(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return { type: 'object', required: Object.keys(required), properties: { ...optional, ...required } };
}

const listOf = (field: string, item: Schema, optional: Record<string, Schema> = {}): Schema => shape({ [field]: { type: 'array', items: item } }, optional);

/** WorkspaceRead: resolveWorkspace matches on name and slug. */
const workspace = shape({ workspaceId: id, name: text }, { slug: text });

/** SourceDefinitionRead / DestinationDefinitionRead: definitions are resolved by name. */
const definition = (idField: string) => shape({ [idField]: id, name: text }, { dockerRepository: text, dockerImageTag: text });

/** Source/DestinationDefinitionSpecificationRead: `connectionSpecification` is optional in the spec, but secret paths and checks need it. */
const specification = (idField: string, optional: Record<string, Schema> = {}) => shape({ [idField]: id, connectionSpecification: object }, optional);

/** SourceRead / DestinationRead: the fields plan's fetch and apply's adoption read. */
const actor = (kind: 'source' | 'destination') => shape({ [`${kind}Id`]: id, [`${kind}DefinitionId`]: id, name: text, connectionConfiguration: object });

/** AirbyteStreamAndConfiguration: streams are keyed by `stream.name` (+ namespace); `config` is compared field by field. */
const streamAndConfiguration = shape({ stream: shape({ name: { type: 'string', minLength: 1 } }, { namespace: text }), config: object });
const catalog = listOf('streams', streamAndConfiguration);

/** ConnectionRead: `status` stays a string (see the module comment); `deprecated` is filtered by the readers. */
const connection = shape({ connectionId: id, name: text, sourceId: id, destinationId: id, status: text, syncCatalog: catalog });

/** CheckConnectionRead: only `jobInfo` is required in the spec; a missing `status` reads as a failed check. */
const checkResult = shape({}, { status: { enum: ['succeeded', 'failed'] }, message: text });

/** JobRead: the id names the job, the status drives waiting, createdAt orders jobs. */
const job = shape({ id: { type: 'integer' }, status: text, createdAt: { type: 'number' } }, { configType: text, configId: text });
/** JobInfoRead (attempts required in the spec) and JobInfoLightRead (no attempts): only the job is required here. */
const jobInfo = shape({ job }, { attempts: { type: 'array', items: object } });

/** ConnectionState: a backup stores it whole; `stateType` says which field holds the state. */
const connectionState = shape(
  { connectionId: id, stateType: text },
  { state: object, streamState: { type: 'array', items: object }, globalState: shape({ streamStates: { type: 'array', items: object } }) },
);

/** Paginated lists (after v1.7) report `page_size`; older servers omit it. */
const page = { page_size: { type: 'integer', minimum: 1 } };

/** The answer schema of each call whose answer the product reads. Calls missing here (deletes) are not checked. */
export const ANSWER_SCHEMAS: Partial<Record<Call, Schema>> = {
  health: shape({ available: { type: 'boolean' } }),
  'workspaces/list': listOf('workspaces', workspace),
  'workspaces/list_by_organization_id': listOf('workspaces', workspace),
  'workspaces/get': workspace,
  'workspaces/get_by_slug': workspace,
  'source_definitions/list_for_workspace': listOf('sourceDefinitions', definition('sourceDefinitionId')),
  'source_definitions/get': definition('sourceDefinitionId'),
  'destination_definitions/list_for_workspace': listOf('destinationDefinitions', definition('destinationDefinitionId')),
  'destination_definitions/get': definition('destinationDefinitionId'),
  'source_definition_specifications/get': specification('sourceDefinitionId'),
  'destination_definition_specifications/get': specification('destinationDefinitionId', { supportedDestinationSyncModes: strings }),
  'sources/create': actor('source'),
  'sources/update': actor('source'),
  'sources/get': actor('source'),
  'sources/list': listOf('sources', actor('source'), page),
  'sources/check_connection': checkResult,
  'sources/check_connection_for_update': checkResult,
  'scheduler/sources/check_connection': checkResult,
  // SourceDiscoverSchemaRead: no catalog when the discover job failed.
  'sources/discover_schema': shape({}, { catalog, catalogId: text, catalogDiff: listOf('transforms', object), breakingChange: { type: 'boolean' } }),
  'scheduler/sources/discover_schema': shape({}, { catalog, catalogId: text }),
  'destinations/create': actor('destination'),
  'destinations/update': actor('destination'),
  'destinations/get': actor('destination'),
  'destinations/list': listOf('destinations', actor('destination'), page),
  'destinations/check_connection': checkResult,
  'destinations/check_connection_for_update': checkResult,
  'scheduler/destinations/check_connection': checkResult,
  'connections/create': connection,
  'connections/update': connection,
  'connections/get': connection,
  'connections/list': listOf('connections', connection),
  'connections/sync': jobInfo,
  'connections/reset': jobInfo,
  'jobs/get': jobInfo,
  'jobs/get_without_logs': jobInfo,
  // JobReadList: each item is a JobWithAttemptsRead, whose `job` is optional in the spec but always sent.
  'jobs/list': listOf('jobs', shape({ job }, { attempts: { type: 'array', items: object } })),
  'jobs/cancel': jobInfo,
  // ConnectionState: `stateType` decides which of the other fields is read.
  'state/get': connectionState,
  'state/create_or_update_safe': connectionState,
};
