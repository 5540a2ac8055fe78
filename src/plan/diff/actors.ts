/**
 * The source / destination adapter: with the definition validation resolved, compare the configuration against
 * the connector's spec, and decide create / update / replace / no-op.
 */
import type { JsonObject } from '../../api/types.js';
import { secretPaths } from '../../secrets/paths.js';
import { sealSecrets } from '../../secrets/seal.js';
import type { DesiredActor } from '../../model/desired.js';
import type { RemoteActor, RemoteDefinition, RemoteState } from '../../model/remote.js';
import type { ResolvedActor } from '../../model/validated.js';
import type { ActorChange, DiffOptions, FieldChange, PlannedActor } from '../types.js';
import { compareConfiguration, rotatedSecrets } from './config.js';
import type { Match } from './match.js';
import { preservedKeys, removalWarnings } from './preserve.js';
import { remoteIndex } from './remote-index.js';

/** Names of the remote connections that use the actor (the server deletes them with it). */
export function connectionsUsing(remote: RemoteState, actor: RemoteActor): string[] {
  return remoteIndex(remote)
    .connectionsOf(actor.kind, actor.id)
    .map((connection) => connection.name);
}

/** The actor as the plan holds it: each secret a Secret from here on, since the spec now says where they are. */
function planned(actor: DesiredActor, spec: JsonObject): PlannedActor {
  const { configuration, ...rest } = actor;
  return configuration === undefined ? rest : { ...rest, configuration: sealSecrets(configuration, secretPaths(spec)) };
}

function base(actor: DesiredActor, definition: RemoteDefinition, spec: JsonObject): Omit<ActorChange, 'action' | 'id' | 'fields'> {
  return {
    kind: actor.kind,
    name: actor.name,
    definitionId: definition.definitionId,
    desired: planned(actor, spec),
    preserved: {},
    warnings: [],
    destructive: false,
    takesDown: [],
  };
}

function creationFields(actor: DesiredActor, definition: RemoteDefinition, spec: JsonObject): FieldChange[] {
  return [
    { path: 'name', before: null, after: actor.name },
    { path: 'definition', before: null, after: definition.name },
    ...compareConfiguration(actor.configuration ?? {}, null, spec, secretPaths(spec)),
  ];
}

type Renaming = { fields: FieldChange[]; rename: { rename?: { from: string } } };

/** A new definition: Airbyte cannot change it in place, so the actor (and the connections using it) go. */
function planReplace(
  { actor, definition, spec }: ResolvedActor,
  existing: RemoteActor,
  remote: RemoteState,
  renaming: Renaming,
  warnings: string[],
): ActorChange {
  const oldName = remoteIndex(remote).definitionById(existing.definitionId)?.name ?? existing.definitionId;
  const takesDown = connectionsUsing(remote, existing);
  const fields = creationFields(actor, definition, spec).filter((field) => field.path !== 'name' && field.path !== 'definition');
  const lost = takesDown.length === 0 ? '' : `; deletes its connections ${takesDown.map((n) => `'${n}'`).join(', ')} with their sync state`;
  return {
    ...base(actor, definition, spec),
    ...renaming.rename,
    action: 'replace',
    id: existing.id,
    fields: [...renaming.fields, { path: 'definition', before: oldName, after: definition.name }, ...fields],
    warnings: [...warnings, `definition changes from '${oldName}' to '${definition.name}': the ${actor.kind} is deleted and created again${lost}`],
    destructive: true,
    takesDown,
  };
}

/** The change for one declared (non-reference) source or destination. */
export function planActor(resolved: ResolvedActor, match: Match<RemoteActor>, remote: RemoteState, options: DiffOptions): ActorChange {
  const { actor, definition, spec } = resolved;
  const existing = match.existing;
  if (!existing) return { ...base(actor, definition, spec), action: 'create', id: null, fields: creationFields(actor, definition, spec) };

  const renaming: Renaming =
    match.renameFrom === undefined
      ? { fields: [], rename: {} }
      : { fields: [{ path: 'name', before: match.renameFrom, after: actor.name }], rename: { rename: { from: match.renameFrom } } };
  if (existing.definitionId !== definition.definitionId) return planReplace(resolved, existing, remote, renaming, match.warnings);

  const secrets = secretPaths(spec);
  const desiredConfig = actor.configuration ?? {};
  const fields = [...renaming.fields, ...compareConfiguration(desiredConfig, existing.configuration, spec, secrets)];
  if (options.rotateSecrets) {
    const listed = new Set(fields.map((field) => field.path));
    fields.push(...rotatedSecrets(desiredConfig, existing.configuration, secrets).filter((field) => !listed.has(field.path)));
  }
  if (fields.length === 0) return { ...base(actor, definition, spec), action: 'no-op', id: existing.id, fields, warnings: match.warnings };
  // The update replaces the whole configuration: what the pipeline does not set is sent back as read (masks too).
  const preserved = preservedKeys(desiredConfig, existing.configuration);
  const removed = removalWarnings(desiredConfig, existing.configuration, secrets);
  // Dropping a stored credential cannot be undone from the pipeline: unattended runs need --allow-destroy for it.
  return {
    ...base(actor, definition, spec),
    ...renaming.rename,
    action: 'update',
    id: existing.id,
    fields,
    preserved,
    warnings: [...match.warnings, ...removed],
    destructive: removed.length > 0,
  };
}
