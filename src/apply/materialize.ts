/**
 * Turning a saved plan back into one apply can send: every secret's `${VAR}` template is read from the environment
 * now (a missing variable is an error naming it and where it was written); every other value is sent as planned.
 * The configuration is then coerced to the connector's types and validated against the live spec, as `plan` does,
 * and its secrets sealed, as the diff seals them.
 */
import { GitopsError } from '../errors.js';
import type { DesiredActor, ValueOrigin } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import type { ConnectorSpec } from '../model/remote.js';
import { checkConfiguration } from '../plan/checks/index.js';
import { specError } from '../plan/prepare.js';
import type { Change, Plan } from '../plan/types.js';
import { interpolate } from '../pipeline/interpolate.js';
import { isSecretPath, secretPaths, setAt, type ConfigPath } from '../secrets/paths.js';
import { sealSecrets } from '../secrets/seal.js';
import { sentActors, type SavedPlan } from './saved-plan.js';

/** Reads the specs apply needs: one call per distinct definition of the actors it sends. */
export interface SpecReader {
  getSourceSpecification(definitionId: string, workspaceId: string): Promise<{ connectionSpecification: ConnectorSpec['connectionSpecification'] }>;
  getDestinationSpecification(definitionId: string, workspaceId: string): Promise<{ connectionSpecification: ConnectorSpec['connectionSpecification'] }>;
}

export async function fetchSpecs(reader: SpecReader, plan: Plan): Promise<Record<string, ConnectorSpec>> {
  const specs: Record<string, ConnectorSpec> = {};
  const wanted = new Map(sentActors(plan).map((change) => [change.definitionId, change.kind]));
  await Promise.all(
    [...wanted].map(async ([definitionId, kind]) => {
      const read =
        kind === 'source'
          ? await reader.getSourceSpecification(definitionId, plan.workspace.workspaceId)
          : await reader.getDestinationSpecification(definitionId, plan.workspace.workspaceId);
      specs[definitionId] = { kind, definitionId, connectionSpecification: read.connectionSpecification };
    }),
  );
  return specs;
}

const problemAt = (actor: DesiredActor, origin: ValueOrigin, dotted: string, text: string): Problem => ({
  severity: 'error',
  file: origin.loc.file,
  line: origin.loc.line,
  col: origin.loc.col,
  message: `${actor.kind} '${actor.name}': configuration.${dotted}: ${text}`,
});

/**
 * The actor with its secrets filled from `env`; problems for variables that are not set. Only secrets are
 * templates in a saved plan: a template anywhere else would be read now, not as planned, so it is refused.
 */
function fill(actor: DesiredActor, secrets: ConfigPath[], env: NodeJS.ProcessEnv, problems: Problem[]): DesiredActor {
  if (!actor.configuration) return actor;
  const configuration = structuredClone(actor.configuration);
  for (const [dotted, origin] of Object.entries(actor.origins)) {
    if (origin.template === undefined) continue;
    if (!isSecretPath(secrets, dotted.split('.'))) {
      problems.push(
        problemAt(
          actor,
          origin,
          dotted,
          `the saved plan holds ${origin.template} instead of the planned value (written by an older version, or the connector's secrets changed); run plan --out again`,
        ),
      );
      continue;
    }
    const result = interpolate(origin.template, env);
    if (result.value === undefined) {
      for (const error of result.errors) problems.push(problemAt(actor, origin, dotted, error));
      continue;
    }
    setAt(configuration, dotted.split('.'), result.value);
  }
  return { ...actor, configuration };
}

/** The saved plan with real secret values, ready to execute, and any warnings; throws SPEC_INVALID with every error. */
export function materialize(plan: SavedPlan, specs: Record<string, ConnectorSpec>, env: NodeJS.ProcessEnv): { plan: Plan; warnings: Problem[] } {
  const problems: Problem[] = [];
  const changes = plan.changes.map((change): Change => {
    if (change.kind === 'connection' || !change.desired?.configuration) return change;
    const spec = specs[change.definitionId];
    if (!spec) throw new GitopsError('NOT_FOUND', `${change.kind} '${change.name}': no connector specification was read for definition ${change.definitionId}`);
    const secrets = secretPaths(spec.connectionSpecification);
    const filled = fill(change.desired, secrets, env, problems);
    const checked = checkConfiguration(filled, spec);
    problems.push(...checked.problems);
    return { ...change, desired: { ...filled, configuration: sealSecrets(checked.configuration, secrets) } };
  });
  if (problems.some((problem) => problem.severity === 'error')) throw specError(problems);
  return { plan: { ...plan, changes }, warnings: problems };
}
