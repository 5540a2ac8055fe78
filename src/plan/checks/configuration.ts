/**
 * Checks a source or destination configuration against the connector's live `connectionSpecification` before
 * anything is written, so a mistake is reported at the YAML line that caused it instead of as a server 422.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from '../../api/types.js';
import { isSecretPath, secretPaths } from '../../connectors/secrets.js';
import type { DesiredActor, SourceLocation } from '../../model/desired.js';
import type { Problem } from '../../model/problem.js';
import type { ConnectorSpec } from '../../model/remote.js';
import { coerceWholeVars } from './coerce.js';
import { describeErrors, type ConfigFinding } from './config-errors.js';

/** What checking a configuration gives: the configuration to diff and send (types coerced), and its problems. */
export interface ConfigurationCheck {
  configuration: JsonObject;
  problems: Problem[];
}

// ajv-formats is CommonJS with a `default` export; under NodeNext the plugin sits on `.default`.
const addFormats = addFormatsModule.default;

// Connector specs use Airbyte keywords (airbyte_secret, order, group, …) that strict mode would reject, and some
// declare formats ajv does not know; neither should stop validation or print warnings.
const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false, logger: false });
addFormats(ajv);

type Compiled = { validate: ValidateFunction } | { failure: string };
const compiled = new WeakMap<JsonObject, Compiled>();

/** The validator for a spec, compiled once per spec object. */
export function validatorFor(spec: ConnectorSpec): Compiled {
  const schema = spec.connectionSpecification;
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  // `$id` would clash between specs in the shared ajv instance, and a `$schema` ajv lacks would fail compilation.
  const { $id: _id, $schema: _schema, ...rest } = schema;
  let result: Compiled;
  try {
    result = { validate: ajv.compile(rest) };
  } catch (error) {
    result = { failure: error instanceof Error ? error.message : String(error) };
  }
  compiled.set(schema, result);
  return result;
}

/**
 * The location to report for a path: the value's own, else its nearest written ancestor, else the first value
 * written inside it (an object block has no origin of its own when only its leaves were recorded), else the
 * `configuration` key.
 */
function locate(actor: DesiredActor, finding: ConfigFinding): SourceLocation {
  for (let length = finding.path.length; length > 0; length--) {
    const origin = actor.origins[finding.path.slice(0, length).join('.')];
    if (origin !== undefined) return origin.loc;
  }
  const inside = `${finding.path.join('.')}.`;
  const first = Object.entries(actor.origins)
    .filter(([path]) => finding.path.length > 0 && path.startsWith(inside))
    .map(([, origin]) => origin.loc)
    .sort((a, b) => a.line - b.line || a.col - b.col)[0];
  return first ?? actor.configurationLoc ?? actor.loc;
}

function problemFor(actor: DesiredActor, finding: ConfigFinding): Problem {
  const loc = locate(actor, finding);
  const label = ['configuration', ...finding.labelPath].join('.');
  const template = finding.missing ? undefined : actor.origins[finding.path.join('.')]?.template;
  // Naming the variable (never its value) tells the user where the wrong value came from.
  const from = template === undefined ? '' : ` (value of ${template})`;
  return {
    severity: 'error',
    file: loc.file,
    line: loc.line,
    col: loc.col,
    message: `${actor.kind} '${actor.name}': ${label}: ${finding.message}${from}`,
  };
}

/**
 * Coerces whole-`${VAR}` values to the connector's types, then validates the configuration against its spec.
 * Messages name paths, never values, so a secret cannot leak through them.
 */
export function checkConfiguration(actor: DesiredActor, spec: ConnectorSpec): ConfigurationCheck {
  if (actor.configuration === undefined) return { configuration: {}, problems: [] };
  const configuration = coerceWholeVars(actor.configuration, actor.origins, spec.connectionSpecification);
  const validator = validatorFor(spec);
  if ('failure' in validator) {
    const loc = actor.configurationLoc ?? actor.loc;
    const message = `${actor.kind} '${actor.name}': the connector's specification cannot be used for checking (${validator.failure}); configuration not validated`;
    return { configuration, problems: [{ severity: 'warning', file: loc.file, line: loc.line, col: loc.col, message }] };
  }
  if (validator.validate(configuration)) return { configuration, problems: [] };
  const secrets = secretPaths(spec.connectionSpecification);
  const findings = describeErrors(validator.validate.errors ?? [], spec.connectionSpecification, configuration, (path) => isSecretPath(secrets, path));
  return { configuration, problems: findings.map((finding) => problemFor(actor, finding)) };
}
