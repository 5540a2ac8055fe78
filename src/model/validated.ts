/**
 * The desired model after the checks against the server (plan/validate.ts): what the diff takes. Every definition
 * is resolved and every name-only reference exists, so the diff has no error path for a mistake in the pipeline.
 */
import type { JsonObject } from '../api/types.js';
import type { ActorKind, DesiredActor, DesiredPipeline, DesiredStream } from './desired.js';
import type { RemoteActor, RemoteDefinition } from './remote.js';

/** A source or destination the pipeline declares (with a definition), resolved against the workspace. */
export interface ResolvedActor {
  actor: DesiredActor;
  /** The definition its `definition` names (by id or by name). */
  definition: RemoteDefinition;
  /** That definition's connector spec (JSON Schema with airbyte_secret marks). */
  spec: JsonObject;
}

/** A source or destination the pipeline only names, or a connection endpoint it does not declare: it exists. */
export interface ResolvedReference {
  kind: ActorKind;
  name: string;
  /** A remote resource with that name (the diff still refuses a name that several share). */
  existing: RemoteActor;
}

export interface ValidatedPipeline {
  /** The pipeline, configurations coerced to the types their specs ask for. */
  pipeline: DesiredPipeline;
  /** Declared sources, then declared destinations, in pipeline order. */
  managed: ResolvedActor[];
  references: ResolvedReference[];
  /**
   * The concrete streams of each all-streams connection whose source's streams are known, by connection name (see
   * plan/all-streams.ts). A connection not in it selects its declared `streams`, or (all-streams, source created by
   * this apply and not discovered) has streams known only after apply.
   */
  expandedStreams: Map<string, DesiredStream[]>;
}
