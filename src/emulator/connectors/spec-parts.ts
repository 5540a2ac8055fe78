/**
 * Building blocks for connector specifications. Real specs repeat the same shapes (SSL modes, SSH tunnels,
 * `oneOf` option groups with a `const` discriminator), so the connector modules assemble theirs from these.
 */
import type { Json, JsonObject } from '../../api/types.js';

/** Annotations a property may carry besides its type; only set keys end up in the schema. */
export type Extra = { [key: string]: Json };

/** A top-level or branch property with title, description and UI order. */
export function field(type: string, title: string, description: string, order: number, extra: Extra = {}): JsonObject {
  return { type, title, description, order, ...extra };
}

/** A string marked `airbyte_secret`, which the server masks on every read. */
export function secret(title: string, description: string, order: number, extra: Extra = {}): JsonObject {
  return field('string', title, description, order, { airbyte_secret: true, ...extra });
}

/** One branch of an option group: its discriminator value plus the branch's own fields. */
export interface Branch {
  title: string;
  value: string;
  description?: string;
  required?: string[];
  properties?: Record<string, JsonObject>;
}

/**
 * An option group (`type: object` with `oneOf`). Every branch requires the discriminator and fixes it with
 * `const` (+ default), so exactly one branch matches a configuration that names its option.
 */
export function optionGroup(title: string, description: string, order: number, discriminator: string, branches: Branch[]): JsonObject {
  return {
    type: 'object',
    title,
    description,
    order,
    oneOf: branches.map((branch) => {
      const node: JsonObject = {
        type: 'object',
        title: branch.title,
        required: [discriminator, ...(branch.required ?? [])],
        properties: { [discriminator]: { type: 'string', const: branch.value, default: branch.value, order: 0 }, ...branch.properties },
      };
      if (branch.description !== undefined) node['description'] = branch.description;
      return node;
    }),
  };
}

/** The certificate fields of a verifying SSL mode; all secret because they hold keys or trust material. */
function certificateFields(caRequired: boolean): Record<string, JsonObject> {
  return {
    ca_certificate: secret('CA Certificate', 'CA certificate (PEM).' + (caRequired ? '' : ' Optional.'), 1, { multiline: true }),
    client_certificate: secret('Client Certificate', 'Client certificate (PEM), for mutual TLS.', 2, { multiline: true, always_show: true }),
    client_key: secret('Client Key', 'Client key (PEM), for mutual TLS.', 3, { multiline: true, always_show: true }),
    client_key_password: secret('Client key password', 'Password for the client key, if it is encrypted.', 4),
  };
}

/** Postgres SSL modes (libpq names), used by the Postgres source and destination. */
export function postgresSslMode(order: number): JsonObject {
  const plain = (value: string, description: string): Branch => ({ title: value, value, description });
  const verifying = (value: string, description: string): Branch => ({
    title: value,
    value,
    description,
    required: ['ca_certificate'],
    properties: certificateFields(true),
  });
  return optionGroup('SSL Modes', 'How the connection uses SSL. The default is "require" on most servers.', order, 'mode', [
    plain('disable', 'Never use SSL.'),
    plain('allow', 'Use SSL only if the server demands it.'),
    plain('prefer', 'Use SSL if the server supports it.'),
    plain('require', 'Always use SSL; fail if the server does not support it.'),
    verifying('verify-ca', 'Always use SSL and verify that the server certificate is signed by a trusted CA.'),
    verifying('verify-full', 'Like verify-ca, and also check that the server host name matches the certificate.'),
  ]);
}

/** MySQL SSL modes (Connector/J names), used by the MySQL source. */
export function mysqlSslMode(order: number): JsonObject {
  const verifying = (title: string, value: string, description: string): Branch => ({
    title,
    value,
    description,
    required: ['ca_certificate'],
    properties: certificateFields(true),
  });
  return optionGroup('SSL modes', 'How the connection uses SSL.', order, 'mode', [
    { title: 'preferred', value: 'preferred', description: 'Use SSL when the server supports it.' },
    { title: 'required', value: 'required', description: 'Always use SSL; fail if the server does not support it.' },
    verifying('Verify CA', 'verify_ca', 'Always use SSL and verify the server certificate against the CA.'),
    verifying('Verify Identity', 'verify_identity', 'Like Verify CA, and also check the server host name.'),
  ]);
}

/** SSH tunnel options, which the connector wrapper adds to every database connector's spec. */
export function tunnelMethod(order: number): JsonObject {
  const endpoint = (): Record<string, JsonObject> => ({
    tunnel_host: field('string', 'SSH Tunnel Jump Server Host', 'Host name or IP of the jump server.', 1),
    tunnel_port: field('integer', 'SSH Connection Port', 'Port of the jump server.', 2, { minimum: 0, maximum: 65536, default: 22, examples: ['22'] }),
    tunnel_user: field('string', 'SSH Login Username', 'OS-level user name for logging into the jump server.', 3),
  });
  const required = ['tunnel_host', 'tunnel_port', 'tunnel_user'];
  return optionGroup('SSH Tunnel Method', 'Whether to reach the database through an SSH jump server, and how to log in to it.', order, 'tunnel_method', [
    { title: 'No Tunnel', value: 'NO_TUNNEL', description: 'Connect directly.' },
    {
      title: 'SSH Key Authentication',
      value: 'SSH_KEY_AUTH',
      required: [...required, 'ssh_key'],
      properties: { ...endpoint(), ssh_key: secret('SSH Private Key', 'OS-level user account SSH private key (RSA PEM).', 4, { multiline: true }) },
    },
    {
      title: 'Password Authentication',
      value: 'SSH_PASSWORD_AUTH',
      required: [...required, 'tunnel_user_password'],
      properties: { ...endpoint(), tunnel_user_password: secret('Password', 'OS-level password for logging into the jump server.', 4) },
    },
  ]);
}

/** The JSON Schema draft-07 envelope every connector spec shares. */
export function connectionSpec(title: string, required: string[], properties: Record<string, JsonObject>): JsonObject {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', required, properties };
}
