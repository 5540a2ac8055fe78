/**
 * The documented `check_connection` rules, shared by every built-in connector so that users can make any
 * connector fail on purpose in tests:
 * 1. an endpoint (host, tunnel host, URL, S3 endpoint or bucket, BigQuery project) that contains `unreachable`
 *    fails as a refused connection;
 * 2. any secret field (`airbyte_secret`) whose value is `wrong-password` fails as an authentication error;
 * 3. connector-specific rules (Local JSON: the path must be under /local).
 * Reading configuration values is defensive: the server validates against the spec, but a check may run on a
 * stored configuration that an older spec accepted.
 */
import type { JsonObject } from '../../api/types.js';
import { secretPaths, secretValues, type ConfigPath } from '../../secrets/paths.js';
import type { CheckResult } from './types.js';
import { numberAt, objectAt, stringAt } from './values.js';

/** The value of `rule 2`: a credential that every built-in connector rejects. */
export const WRONG_PASSWORD = 'wrong-password';
/** The marker of `rule 1`: an endpoint containing it cannot be reached. */
export const UNREACHABLE = 'unreachable';

export const CHECK_OK: CheckResult = { ok: true };

export function failed(message: string): CheckResult {
  return { ok: false, message };
}

/** An endpoint the connector would contact, and the error it reports when that fails. */
export interface Endpoint {
  value: string | undefined;
  refused: string;
}

/** The first secret path (dotted, for messages) whose value is the documented wrong password. */
function wrongSecret(spec: JsonObject, config: JsonObject): ConfigPath | undefined {
  return secretValues(config, secretPaths(spec)).find((entry) => entry.value === WRONG_PASSWORD)?.path;
}

/** How a connector words its failures; `authFailure` gets the offending secret's path. */
export interface CheckRules {
  endpoints: Endpoint[];
  authFailure(path: ConfigPath): string;
}

/** Applies rules 1 and 2 (endpoints first, as a real connector cannot authenticate before it connects). */
export function standardCheck(spec: JsonObject, config: JsonObject, rules: CheckRules): CheckResult {
  for (const endpoint of rules.endpoints) {
    if (endpoint.value !== undefined && endpoint.value.toLowerCase().includes(UNREACHABLE)) return failed(endpoint.refused);
  }
  const path = wrongSecret(spec, config);
  return path === undefined ? CHECK_OK : failed(rules.authFailure(path));
}

/** The SSH tunnel host of a database configuration, when a tunnel is configured. */
export function tunnelEndpoint(config: JsonObject): Endpoint {
  const tunnel = objectAt(config, 'tunnel_method');
  const host = stringAt(tunnel, 'tunnel_host');
  const port = numberAt(tunnel, 'tunnel_port', 22);
  return {
    value: stringAt(tunnel, 'tunnel_method') === 'NO_TUNNEL' ? undefined : host,
    refused: `Could not connect with provided SSH configuration. Error: failed to connect to ${host ?? ''}:${port}: Connection refused`,
  };
}

/**
 * The failure message for a wrong secret of a database connector: SSH tunnel and SSL secrets fail before the
 * database is reached, so they get the tunnel's or the TLS layer's message instead of the database's.
 */
export function credentialFailure(databaseMessage: string): (path: ConfigPath) => string {
  return (path) => {
    if (path[0] === 'tunnel_method') return "Could not connect with provided SSH configuration. Error: Auth fail for methods 'publickey,password'";
    if (path[0] === 'ssl_mode')
      return `Could not connect with provided configuration. SSL error: could not load the client key (${path.join('.')}): bad decrypt`;
    return databaseMessage;
  };
}

/** How a JDBC driver words the two failures a database check can show. */
export interface DatabaseWording {
  defaultPort: number;
  refused(host: string, port: number): string;
  accessDenied(username: string, host: string): string;
}

/** The check of a database connector: the SSH jump host first, then the database host, then the credentials. */
export function databaseCheck(spec: JsonObject, config: JsonObject, wording: DatabaseWording): CheckResult {
  const host = stringAt(config, 'host') ?? '';
  const port = numberAt(config, 'port', wording.defaultPort);
  const username = stringAt(config, 'username') ?? '';
  return standardCheck(spec, config, {
    endpoints: [tunnelEndpoint(config), { value: host, refused: wording.refused(host, port) }],
    authFailure: credentialFailure(wording.accessDenied(username, host)),
  });
}
