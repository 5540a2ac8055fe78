/**
 * Checks a source or destination configuration against the connector's live `connectionSpecification` before
 * anything is written, so a mistake is reported at the YAML line that caused it instead of as a server 422.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SECRET_MASK, type JsonObject } from '../../api/types.js';
import { isSecretPath, secretPaths, secretValues, type ConfigPath } from '../../secrets/paths.js';
import type { DesiredActor, SourceLocation } from '../../model/desired.js';
import type { Problem } from '../../model/problem.js';
import type { ConnectorSpec } from '../../model/remote.js';
import { coerceWholeVars } from './coerce.js';
import { describeErrors, type ConfigFinding } from './config-errors.js';
import { unknownKeys, type UnknownKey } from './unknown-keys.js';

/** What checking a configuration gives: the configuration to diff and send (types coerced), and its problems. */
export interface ConfigurationCheck {
  configuration: JsonObject;
  problems: Problem[];
}

// ajv-formats is CommonJS with a `default` export; under NodeNext the plugin sits on `.default`.
const addFormats = addFormatsModule.default;

// Connector specs use Airbyte keywords (airbyte_secret, order, group, …) that strict mode would reject, and some
// declare formats ajv does not know; neither should stop validation or print warnings. Patterns are compiled
// without the `u` flag: the server checks them with Java's regex, which (like a JavaScript regex without `u`)
// accepts escapes such as `\-` outside a character class that a `u` regex refuses. Built on the first spec
// checked, not when this module is loaded.
let ajv: Ajv | undefined;
const specAjv = (): Ajv =>
  (ajv ??= addFormats(new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false, logger: false, unicodeRegExp: false })));

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
    result = { validate: specAjv().compile(rest) };
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
function locate(actor: DesiredActor, at: string[]): SourceLocation {
  for (let length = at.length; length > 0; length--) {
    const origin = actor.origins[at.slice(0, length).join('.')];
    if (origin !== undefined) return origin.loc;
  }
  const inside = `${at.join('.')}.`;
  const first = Object.entries(actor.origins)
    .filter(([path]) => at.length > 0 && path.startsWith(inside))
    .map(([, origin]) => origin.loc)
    .sort((a, b) => a.line - b.line || a.col - b.col)[0];
  return first ?? actor.configurationLoc ?? actor.loc;
}

function problemFor(actor: DesiredActor, finding: ConfigFinding): Problem {
  const loc = locate(actor, finding.path);
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

function problemAt(actor: DesiredActor, path: string[], severity: Problem['severity'], text: string): Problem {
  const loc = locate(actor, path);
  const message = `${actor.kind} '${actor.name}': configuration.${path.join('.')} ${text}`;
  return { severity, file: loc.file, line: loc.line, col: loc.col, message };
}

/** Unknown keys listed one by one per object; the rest of that object's are summed up in one problem. */
export const UNKNOWN_KEYS_LISTED = 20;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Keys the connector does not declare. Close to a declared field, it is almost surely a typo that leaves the
 * intended setting unset: an error. Otherwise it may be deliberate (an older connector version's field): a warning.
 * Past UNKNOWN_KEYS_LISTED in one object, the rest are summed up in one problem (an error when any is a likely typo).
 */
function unknownKeyProblems(actor: DesiredActor, spec: ConnectorSpec, configuration: JsonObject, connectorName: string | undefined): Problem[] {
  const connector = connectorName === undefined ? 'this connector' : `connector '${connectorName}'`;
  const problems: Problem[] = [];
  const listed = new Map<string, number>();
  const unlisted = new Map<string, UnknownKey[]>();
  for (const unknown of unknownKeys(spec.connectionSpecification, configuration)) {
    const parent = unknown.path.slice(0, -1).join('.');
    const shown = listed.get(parent) ?? 0;
    if (shown >= UNKNOWN_KEYS_LISTED) {
      const rest = unlisted.get(parent);
      if (rest === undefined) unlisted.set(parent, [unknown]);
      else rest.push(unknown);
      continue;
    }
    listed.set(parent, shown + 1);
    const { path, suggestion } = unknown;
    problems.push(
      suggestion === undefined
        ? problemAt(actor, path, 'warning', `is not a field of ${connector}; Airbyte will store it but the connector ignores it`)
        : problemAt(actor, path, 'error', `is not a field of ${connector} (did you mean '${suggestion}'?)`),
    );
  }
  for (const [parent, rest] of unlisted) {
    const [first] = rest as [UnknownKey];
    const keys = rest.slice(0, 3).map(({ path }) => `'${path[path.length - 1] ?? ''}'`);
    const typos = rest.filter(({ suggestion }) => suggestion !== undefined).length;
    const object = parent === '' ? 'configuration' : `configuration.${parent}`;
    const loc = locate(actor, first.path);
    const message =
      `${actor.kind} '${actor.name}': ${object} has ${count(rest.length)} more key${rest.length === 1 ? '' : 's'} that are not fields of ${connector} ` +
      `(${keys.join(', ')}${rest.length > 3 ? ', …' : ''}), not listed one by one: only ${UNKNOWN_KEYS_LISTED} are` +
      (typos === 0 ? '' : typos === 1 ? '; one of them looks like a misspelled field' : `; ${count(typos)} of them look like misspelled fields`);
    problems.push({ severity: typos === 0 ? 'warning' : 'error', file: loc.file, line: loc.line, col: loc.col, message });
  }
  return problems;
}

/**
 * Secrets whose value is Airbyte's mask (written in the file or coming from a variable): a create stores the mask
 * literally as the secret, so it is never a value to send.
 */
function maskProblems(actor: DesiredActor, configuration: JsonObject, secrets: ConfigPath[]): Problem[] {
  return secretValues(configuration, secrets)
    .filter(({ value }) => value === SECRET_MASK)
    .map(({ path }) => problemAt(actor, path, 'error', `is '${SECRET_MASK}', Airbyte's mask, not a secret value; set the real value (e.g. with \${VAR})`));
}

/** Secrets written as literal text: they end up in Git, and `plan --out` would refuse to save them. */
function literalSecretProblems(actor: DesiredActor, configuration: JsonObject, secrets: ConfigPath[]): Problem[] {
  return secretValues(configuration, secrets)
    .filter(({ path, value }) => value !== SECRET_MASK && actor.origins[path.join('.')]?.template === undefined)
    .map(({ path }) => problemAt(actor, path, 'warning', 'is a secret written in the file; use ${VAR} so it stays out of Git (plan --out refuses to save it)'));
}

/**
 * Coerces whole-`${VAR}` values to the connector's types, then validates the configuration against its spec, looks
 * for keys the connector does not declare, for secrets set to Airbyte's mask, and for secrets written literally.
 * `connectorName` (the definition's display name) makes the unknown-key messages name the connector.
 * Messages name paths, never values (the mask is no secret), so a secret cannot leak through them.
 */
export function checkConfiguration(actor: DesiredActor, spec: ConnectorSpec, connectorName?: string): ConfigurationCheck {
  if (actor.configuration === undefined) return { configuration: {}, problems: [] };
  const configuration = coerceWholeVars(actor.configuration, actor.origins, spec.connectionSpecification);
  const secrets = secretPaths(spec.connectionSpecification);
  const problems = [
    ...schemaProblems(actor, spec, configuration, secrets),
    ...unknownKeyProblems(actor, spec, configuration, connectorName),
    ...maskProblems(actor, configuration, secrets),
    ...literalSecretProblems(actor, configuration, secrets),
  ];
  return { configuration, problems };
}

/** The configuration's violations of the spec's JSON Schema. */
function schemaProblems(actor: DesiredActor, spec: ConnectorSpec, configuration: JsonObject, secrets: ConfigPath[]): Problem[] {
  const validator = validatorFor(spec);
  if ('failure' in validator) {
    const loc = actor.configurationLoc ?? actor.loc;
    const message = `${actor.kind} '${actor.name}': the connector's specification cannot be used for checking (${validator.failure}); configuration not validated`;
    return [{ severity: 'warning', file: loc.file, line: loc.line, col: loc.col, message }];
  }
  if (validator.validate(configuration)) return [];
  const findings = describeErrors(validator.validate.errors ?? [], spec.connectionSpecification, configuration, (path) => isSecretPath(secrets, path));
  return findings.map((finding) => problemFor(actor, finding));
}
