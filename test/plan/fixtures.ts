/**
 * Literal desired and remote values for the pure plan tests: a Postgres-like source spec (secrets at the top level
 * and inside oneOf branches), an S3-like destination spec, and small builders.
 */
import type { AirbyteStreamAndConfiguration, JsonObject } from '../../src/api/types.js';
import type { DesiredActor, DesiredConnection, DesiredPipeline, DesiredStream } from '../../src/model/desired.js';
import type { RemoteActor, RemoteConnection, RemoteState } from '../../src/model/remote.js';
import { diff } from '../../src/plan/diff/index.js';
import { specError } from '../../src/plan/prepare.js';
import type { DiffOptions, Plan } from '../../src/plan/types.js';
import { resolveReferences } from '../../src/plan/validate.js';

export const PG = 'decd338e-5647-4c0b-adf4-da0e75f5a750';
export const MYSQL = '435bb9a5-7887-4809-aa58-28c27df0d7ad';
export const S3 = '4816b78f-1489-44c1-9060-4b19d5fa9362';

export const pgSpec: JsonObject = {
  type: 'object',
  required: ['host', 'port', 'database', 'username'],
  properties: {
    host: { type: 'string' },
    port: { type: 'integer', default: 5432 },
    database: { type: 'string' },
    schemas: { type: 'array', items: { type: 'string' }, default: ['public'] },
    username: { type: 'string' },
    password: { type: 'string', airbyte_secret: true },
    ssl_mode: {
      type: 'object',
      oneOf: [
        { title: 'disable', properties: { mode: { type: 'string', const: 'disable', default: 'disable' } } },
        { title: 'require', properties: { mode: { type: 'string', const: 'require', default: 'require' } } },
        {
          title: 'verify-ca',
          properties: {
            mode: { type: 'string', const: 'verify-ca', default: 'verify-ca' },
            ca_certificate: { type: 'string', airbyte_secret: true },
            client_key_password: { type: 'string', airbyte_secret: true },
          },
        },
      ],
    },
    tunnel_method: {
      type: 'object',
      oneOf: [
        { title: 'No tunnel', properties: { tunnel_method: { type: 'string', const: 'NO_TUNNEL', default: 'NO_TUNNEL' } } },
        {
          title: 'SSH key',
          properties: {
            tunnel_method: { type: 'string', const: 'SSH_KEY_AUTH', default: 'SSH_KEY_AUTH' },
            tunnel_host: { type: 'string' },
            tunnel_port: { type: 'integer', default: 22 },
            ssh_key: { type: 'string', airbyte_secret: true },
          },
        },
      ],
    },
  },
};

export const s3Spec: JsonObject = {
  type: 'object',
  properties: {
    access_key_id: { type: 'string', airbyte_secret: true },
    secret_access_key: { type: 'string', airbyte_secret: true },
    s3_bucket_name: { type: 'string' },
    s3_bucket_path: { type: 'string' },
    format: {
      type: 'object',
      oneOf: [
        { properties: { format_type: { type: 'string', enum: ['JSONL'], default: 'JSONL' } } },
        { properties: { format_type: { type: 'string', enum: ['CSV'], default: 'CSV' }, flattening: { type: 'string', default: 'No flattening' } } },
      ],
    },
  },
};

export const at = (line: number) => ({ file: 'pipelines/shop.yaml', line, col: 5 });

export function source(name: string, configuration: JsonObject, extra: Partial<DesiredActor> = {}): DesiredActor {
  return { kind: 'source', name, definition: 'Postgres', configuration, origins: {}, previousNames: [], loc: at(2), ...extra };
}

export function destination(name: string, configuration: JsonObject, extra: Partial<DesiredActor> = {}): DesiredActor {
  return { kind: 'destination', name, definition: 'S3', configuration, origins: {}, previousNames: [], loc: at(20), ...extra };
}

/** A name-only reference to an existing actor. */
export function reference(kind: 'source' | 'destination', name: string): DesiredActor {
  return { kind, name, origins: {}, previousNames: [], loc: at(30) };
}

export function desiredStream(name: string, extra: Partial<DesiredStream> = {}): DesiredStream {
  return { name, namespace: 'public', syncMode: 'full_refresh', destinationSyncMode: 'overwrite', loc: at(50), ...extra };
}

export function connection(name: string, streams: DesiredStream[], extra: Partial<DesiredConnection> = {}): DesiredConnection {
  return {
    kind: 'connection',
    name,
    source: 'pg',
    destination: 'lake',
    status: 'active',
    schedule: { type: 'manual' },
    streams,
    previousNames: [],
    loc: at(40),
    ...extra,
  };
}

export function pipeline(parts: Partial<DesiredPipeline>): DesiredPipeline {
  return { sources: [], destinations: [], connections: [], files: ['pipelines/shop.yaml'], ...parts };
}

export const pgConfig: JsonObject = { host: 'db.internal', port: 5432, database: 'shop', username: 'airbyte', password: 'pg-Secret-1' };
export const s3Config: JsonObject = {
  access_key_id: 'AKIA-SECRET-ID',
  secret_access_key: 'aws-Secret-2',
  s3_bucket_name: 'lake',
  s3_bucket_path: 'raw',
  format: { format_type: 'JSONL' },
};
export const maskedPg: JsonObject = { ...pgConfig, password: '**********' };
export const maskedS3: JsonObject = { ...s3Config, access_key_id: '**********', secret_access_key: '**********' };

export function remoteActor(kind: 'source' | 'destination', id: string, name: string, configuration: JsonObject, definitionId?: string): RemoteActor {
  return { kind, id, name, configuration, definitionId: definitionId ?? (kind === 'source' ? PG : S3) };
}

/** A stored (selected) stream with its metadata, as `connections/list` returns it. */
export function storedStream(
  name: string,
  config: Partial<AirbyteStreamAndConfiguration['config']> = {},
  stream: Partial<AirbyteStreamAndConfiguration['stream']> = {},
): AirbyteStreamAndConfiguration {
  return {
    stream: { name, namespace: 'public', jsonSchema: { type: 'object' }, supportedSyncModes: ['full_refresh', 'incremental'], ...stream },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true, aliasName: name, ...config },
  };
}

export function remoteConnection(id: string, name: string, streams: AirbyteStreamAndConfiguration[], extra: Partial<RemoteConnection> = {}): RemoteConnection {
  return {
    kind: 'connection',
    id,
    name,
    sourceId: 'src-1',
    destinationId: 'dst-1',
    status: 'active',
    scheduleType: 'manual',
    namespaceDefinition: 'source',
    prefix: '',
    nonBreakingChangesPreference: 'ignore',
    syncCatalog: { streams },
    ...extra,
  };
}

export function remoteState(parts: Partial<RemoteState>): RemoteState {
  return {
    workspace: { workspaceId: 'ws-1', name: 'Default Workspace', slug: 'default' },
    definitions: [
      { kind: 'source', definitionId: PG, name: 'Postgres', dockerRepository: 'airbyte/source-postgres', dockerImageTag: '3.7.0' },
      { kind: 'source', definitionId: MYSQL, name: 'MySQL', dockerRepository: 'airbyte/source-mysql', dockerImageTag: '3.11.0' },
      { kind: 'destination', definitionId: S3, name: 'S3', dockerRepository: 'airbyte/destination-s3', dockerImageTag: '1.8.0' },
    ],
    specs: {
      [PG]: { kind: 'source', definitionId: PG, connectionSpecification: pgSpec },
      [MYSQL]: { kind: 'source', definitionId: MYSQL, connectionSpecification: pgSpec },
      [S3]: { kind: 'destination', definitionId: S3, connectionSpecification: s3Spec, supportedDestinationSyncModes: ['overwrite', 'append'] },
    },
    sources: [],
    destinations: [],
    connections: [],
    discovered: {},
    ...parts,
  };
}

/** The pipeline pg → lake with one connection, and Airbyte holding exactly that (masked). */
export function inSync(streams: DesiredStream[] = [desiredStream('customers')]): { desired: DesiredPipeline; remote: RemoteState } {
  const desired = pipeline({
    sources: [source('pg', pgConfig)],
    destinations: [destination('lake', s3Config)],
    connections: [connection('pg-to-lake', streams)],
  });
  const remote = remoteState({
    sources: [remoteActor('source', 'src-1', 'pg', maskedPg)],
    destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)],
    connections: [
      remoteConnection(
        'conn-1',
        'pg-to-lake',
        streams.map((s) => storedStream(s.name, { syncMode: s.syncMode, destinationSyncMode: s.destinationSyncMode })),
      ),
    ],
  });
  return { desired, remote };
}

/**
 * The diff of these values after the part of validation it relies on (definitions, references; SPEC_INVALID with
 * the problems otherwise). Configurations and streams go unchecked: these tests are about the diff.
 */
export function planFor(desired: DesiredPipeline, remote: RemoteState, options: DiffOptions = {}): Plan {
  const { validated, problems } = resolveReferences(desired, remote);
  if (problems.some((problem) => problem.severity === 'error')) throw specError(problems);
  return diff(validated, remote, options);
}
