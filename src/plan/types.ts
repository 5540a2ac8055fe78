/**
 * The plan as a value: `diff(desired, remote)` builds it, the renderers print it, `apply` executes it and never
 * re-diffs. Everything apply needs is resolved here (definition ids, source/destination references, the exact
 * connection patch), so apply only chooses API calls by `action` and follows `order`.
 */
import type { DuplicateGroup } from './duplicates.js';
import type { AirbyteCatalog, ConnectionUpdate, DestinationSyncMode, JsonObject } from '../api/types.js';
import type { ActorKind, DesiredActor, DesiredConnection, ResourceKind } from '../model/desired.js';
import type { SealedJson, SealedObject } from '../secrets/secret.js';

/** The closed set of actions. `replace` = delete, then create (a definition or a connection endpoint changed). */
export type Action = 'create' | 'update' | 'replace' | 'delete' | 'no-op';
export const ACTIONS: readonly Action[] = ['create', 'update', 'replace', 'delete', 'no-op'];

/**
 * Shown for a value that exists only once apply ran: the id of a source or destination created in the same apply,
 * which a new connection will use (its streams are checked and its catalog discovered only then).
 */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/**
 * One changed field. `path` is `name`, `definition`, `configuration.<dotted path>`, a connection field
 * (`source` / `destination` by name, `scheduleType`, `prefix`, ...) or `streams[namespace.name]` /
 * `streams[namespace.name].syncMode`. `before` is null when the field is absent remotely, `after` null when it goes
 * away. Values are never ids. A secret value (either side) is a Secret, which prints as `(sensitive)` however it
 * is printed; renderers and the JSON contract read these.
 */
export interface FieldChange {
  path: string;
  before: SealedJson;
  after: SealedJson;
}

/**
 * A declared source or destination as the plan holds it: its configuration has each value at a secret path of the
 * connector spec wrapped in a Secret, so printing or serializing it never shows a secret value.
 */
export interface PlannedActor extends Omit<DesiredActor, 'configuration'> {
  configuration?: SealedObject;
}

/** Fields every change has. All of them are safe to print or save (a secret value in `fields` is a Secret). */
interface ChangeBase {
  kind: ResourceKind;
  /** The desired name (the remote name for deletes). */
  name: string;
  action: Action;
  /** Id of the existing remote resource; null for a create. For a replace, the id of the one deleted. */
  id: string | null;
  /** Empty for no-op and delete. */
  fields: FieldChange[];
  /** Data-impact warnings, plain text (renderers add the ⚠). Apply does not branch on them. */
  warnings: string[];
  /** Loses data or sync state: delete, replace, a stream whose sync mode changes. Apply needs --allow-destroy. */
  destructive: boolean;
  /** Set when the resource is renamed in place from a `previousNames` entry (then `fields` has `name`). */
  rename?: { from: string };
}

/** A change to a source or destination. */
export interface ActorChange extends ChangeBase {
  kind: ActorKind;
  /**
   * The resolved connector definition id for create / update / replace / no-op (apply creates with it); for a
   * delete, the remote resource's definition id.
   */
  definitionId: string;
  /**
   * The declared actor, its secrets sealed: apply sends its configuration (revealed) on create and update (a full
   * replacement). Null for deletes.
   */
  desired: PlannedActor | null;
  /**
   * For an update: every top-level configuration key the pipeline does not set, exactly as read. An update is a
   * full replacement (omitted keys are deleted), so apply sends `{ ...preserved, ...desired.configuration }` to keep
   * them. Secrets among them are the server's mask, which the server resolves back to the stored secret (the value
   * is sent back unchanged, so its oneOf branch still matches) where the spec's `airbyte_secret` mark reads as true;
   * a plan whose `preserved` holds the mask of a field marked otherwise (e.g. `false`) is refused before it is made
   * (see prepare's unsendableMaskProblems). Never a secret value: safe to save; renderers do not show it. Empty for
   * every other action.
   */
  preserved: JsonObject;
  /** For a replace or delete: names of the remote connections deleted with it (the server deletes them). */
  takesDown: string[];
}

/** A reference to a source or destination: an existing id, or one created by this apply (resolved by name). */
export type ActorRef = { id: string } | { pending: string };

/** A change to a connection. */
export interface ConnectionChange extends ChangeBase {
  kind: 'connection';
  /** Resolved source / destination for create, update, replace and no-op; null for deletes. */
  sourceRef: ActorRef | null;
  destinationRef: ActorRef | null;
  /** The declared connection; null for deletes. Apply builds the create body from it. */
  desired: DesiredConnection | null;
  /**
   * For an update: exactly the fields to send to `connections/update` besides `connectionId` (never the legacy
   * `schedule`; `syncCatalog` only when the streams differ). Null for every other action.
   */
  patch: Omit<ConnectionUpdate, 'connectionId'> | null;
  /**
   * For a create or replace whose source exists and whose streams are all known (stored or discovered): the
   * catalog to send. Null when the source is created in this apply: apply discovers it once the source exists and
   * calls `buildSyncCatalog(desired.streams, discovered.streams)`.
   */
  syncCatalog: AirbyteCatalog | null;
  /**
   * The remote connection's current source and destination ids (null for a create): apply order deletes a
   * connection before the source or destination it uses.
   */
  remoteEndpoints: { sourceId: string; destinationId: string } | null;
  /**
   * Apply saves the connection's sync state to a backup file before this change's step, because the step resets
   * or clears it: an update that changes a stream's sync mode or deselects a stream, a replace, a delete. The diff
   * always sets it on the connection changes it makes (false when nothing is reset).
   */
  savesState?: boolean;
  /**
   * True for a create or replace whose source is created in this apply and whose streams were not discovered at
   * plan time (`--no-discover`): apply discovers them once the source exists, so a wrong stream fails only then.
   */
  streamsUnchecked?: boolean;
  /**
   * For an all-streams connection apply expands after discovering its new source (`streamsUnchecked`): the sync
   * modes its destination supports, to keep Airbyte's default modes to them. Absent otherwise.
   */
  destinationSyncModes?: DestinationSyncMode[];
  /** With `--refresh`: how the source's schema differs from what the connection stores. Absent without a refresh. */
  drift?: ConnectionDrift;
}

/**
 * How one selected stream's schema changed upstream. Columns are dotted paths (`address.city` for a nested field).
 * `breaking` is Airbyte's rule: a removed or retyped cursor or primary-key column, or a primary-key change.
 */
export interface StreamDrift {
  /** `namespace.name` (or `name` without a namespace). */
  stream: string;
  columnsAdded: string[];
  columnsRemoved: string[];
  /** Columns whose JSON Schema changed (e.g. a type). */
  columnsChanged: string[];
  /** The source-defined primary key changed. */
  primaryKey?: { before: string[][]; after: string[][] };
  /** The source-defined cursor changed. */
  cursor?: { before: string[]; after: string[] };
  breaking: boolean;
}

/**
 * Schema drift of a managed connection, found by `--refresh` (the source's catalog discovered now, compared with
 * the connection's stored one). Airbyte stores only the selected streams, so `streamsAdded` holds every stream the
 * source offers that the connection does not select: new upstream, or never selected.
 */
export interface ConnectionDrift {
  /** Streams the source offers that the connection does not select and the pipeline does not add. */
  streamsAdded: string[];
  /** Selected streams the source no longer offers (a declared one is a pipeline error; others are deselected). */
  streamsRemoved: string[];
  /** Selected streams that stay selected and whose columns, primary key or cursor changed. */
  streamsChanged: StreamDrift[];
  /** True when any change of a stream that stays selected is breaking: the change is then destructive. */
  breaking: boolean;
}

export type Change = ActorChange | ConnectionChange;

/** A remote resource the pipeline does not declare (nor reference by name): left alone unless pruned. */
export interface UnmanagedResource {
  kind: ResourceKind;
  name: string;
  id: string;
}

/** One API operation in apply order. A replace yields a `delete` step and a `create` step. */
export interface Step {
  /** Unique within the plan, e.g. `create:source:pg` or `delete:connection:<id>`. */
  key: string;
  op: 'create' | 'update' | 'delete';
  kind: ResourceKind;
  name: string;
  /** Index into `plan.changes`. */
  change: number;
  /** Keys of the steps that must succeed first. A failed step skips its dependents. */
  dependsOn: string[];
}

export type Summary = Record<Action, number>;

/** The plan. `formatVersion` is the JSON contract's version (see render/json.ts). */
export interface Plan {
  formatVersion: 1;
  workspace: { workspaceId: string; name: string };
  /** Every declared resource exactly once (no-op included), then deletes (pruned or taken down by a replace). */
  changes: Change[];
  /** Remote resources neither declared nor referenced; empty under prune (they are deletes then). */
  unmanaged: UnmanagedResource[];
  /**
   * Names the pipeline uses that Airbyte holds more than once, all copies exact duplicates: the kept (oldest) copy is
   * the one planned against; `--dedupe` turns the others into deletes. Absent when there are none.
   */
  duplicates?: DuplicateGroup[];
  summary: Summary;
  /** Apply order with dependencies as data; see diff/order.ts for the rules. */
  order: Step[];
  /**
   * True when the plan was made with `--refresh`: every managed existing connection's source was discovered and
   * each connection change carries its `drift`. The diff always sets it.
   */
  refreshed?: boolean;
}

/**
 * Where apply saves sync state before a change that resets it, unless `--state-backup-dir` or
 * `AIRBYTE_STATE_BACKUP_DIR` says otherwise; relative to the current directory.
 */
export const DEFAULT_STATE_BACKUP_DIR = '.airbyte-gitops/state-backups';

/** Options of `diff`. */
export interface DiffOptions {
  /** Delete remote resources the pipeline does not declare (never name-only references). */
  prune?: boolean;
  /** Update every matched source/destination that has secret values, since Airbyte cannot show secret drift. */
  rotateSecrets?: boolean;
  /** Delete the exact duplicates of the resources the pipeline names (see plan/duplicates.ts). */
  dedupe?: boolean;
}

/** Options of the renderers. */
export interface RenderOptions {
  /** Where apply saves sync state first (shown on each change with `savesState`); default DEFAULT_STATE_BACKUP_DIR. */
  stateBackupDir?: string;
}
