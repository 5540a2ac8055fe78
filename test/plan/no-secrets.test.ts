import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderGraph } from '../../src/plan/render/mermaid.js';
import { renderText } from '../../src/plan/render/text.js';
import { planSecrets } from '../../src/apply/secrets.js';
import type { ActorChange, DiffOptions } from '../../src/plan/types.js';
import { revealSecrets } from '../../src/secrets/seal.js';
import { Secret } from '../../src/secrets/secret.js';
import { plain } from '../../src/util/color.js';
import { MYSQL, connection, desiredStream, destination, maskedPg, maskedS3, pipeline, remoteActor, remoteState, source, planFor } from './fixtures.js';

const API = 'a0a0a0a0-0000-4000-8000-000000000001';
const account = { type: 'object', properties: { label: { type: 'string' }, token: { type: 'string', airbyte_secret: true } } };
const apiSpec: JsonObject = {
  type: 'object',
  properties: {
    accounts: { type: 'array', items: account },
    auth: {
      type: 'object',
      oneOf: [
        { properties: { kind: { const: 'key' }, api_key: { type: 'string', airbyte_secret: true } } },
        {
          // An option group inside an option group, with secrets in it and in its array items.
          properties: {
            kind: { const: 'oauth' },
            grant: {
              type: 'object',
              oneOf: [
                {
                  properties: { type: { const: 'refresh' }, refresh_token: { type: 'string', airbyte_secret: true }, extra: { type: 'array', items: account } },
                },
              ],
            },
          },
        },
      ],
    },
  },
};

const pgPassword = 'pg-Hunter2-xyz';
const cert = 'CERT-BEGIN-abc';
const accessKey = 'AKIA-LEAK-123';
const secretKey = 'aws-Leak-456';
const tokenOne = 'tok-ONE-789';
const tokenTwo = 'tok-TWO-012';
const apiKey = 'key-Api-345';
const sshKey = 'ssh-Key-678';
const addedToken = 'tok-ADDED-901';
const refreshToken = 'refresh-Tok-234';
const nestedToken = 'tok-NESTED-567';
const SECRETS = [pgPassword, cert, accessKey, secretKey, tokenOne, tokenTwo, apiKey, sshKey, addedToken, refreshToken, nestedToken];

function build() {
  const desired = pipeline({
    sources: [
      source('pg-new', { host: 'h', port: 5432, database: 'd', username: 'u', password: pgPassword, ssl_mode: { mode: 'verify-ca', ca_certificate: cert } }),
      source('pg-old', {
        host: 'h',
        port: 5432,
        database: 'd',
        username: 'u',
        password: pgPassword,
        tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', ssh_key: sshKey },
      }),
      source('pg-moved', { host: 'h', port: 5432, database: 'd', username: 'u', password: pgPassword }, { definition: MYSQL }),
      source(
        'api',
        {
          accounts: [
            { label: 'a', token: tokenOne },
            { label: 'b', token: tokenTwo },
          ],
          auth: { kind: 'key', api_key: apiKey },
        },
        { definition: API },
      ),
      // Airbyte stores neither the array nor the nested group yet: both are added values, shown whole.
      source(
        'api-added',
        {
          accounts: [{ label: 'new', token: addedToken }],
          auth: { kind: 'oauth', grant: { type: 'refresh', refresh_token: refreshToken, extra: [{ label: 'x', token: nestedToken }] } },
        },
        { definition: API },
      ),
    ],
    destinations: [destination('lake', { access_key_id: accessKey, secret_access_key: secretKey, s3_bucket_name: 'lake-2', s3_bucket_path: 'raw' })],
    connections: [connection('pg-to-lake', [desiredStream('customers')], { source: 'pg-new' })],
  });
  const remote = remoteState({
    sources: [
      remoteActor('source', 'src-2', 'pg-old', { ...maskedPg, password: '**********', tunnel_method: { tunnel_method: 'SSH_KEY_AUTH' } }),
      remoteActor('source', 'src-3', 'pg-moved', maskedPg),
      remoteActor(
        'source',
        'src-4',
        'api',
        {
          accounts: [
            { label: 'a', token: '**********' },
            { label: 'c', token: '**********' },
            { label: 'd', token: '**********' },
          ],
        },
        API,
      ),
      remoteActor('source', 'src-5', 'api-added', {}, API),
    ],
    destinations: [remoteActor('destination', 'dst-1', 'lake', { ...maskedS3, s3_bucket_name: 'lake' })],
  });
  remote.definitions.push({ kind: 'source', definitionId: API, name: 'Custom API', dockerRepository: 'x/api', dockerImageTag: '1' });
  remote.specs[API] = { kind: 'source', definitionId: API, connectionSpecification: apiSpec };
  return { desired, remote };
}

describe('no output ever contains a secret value', () => {
  test.each<[string, DiffOptions]>([
    ['plain plan', {}],
    ['--rotate-secrets', { rotateSecrets: true }],
    ['--prune', { prune: true }],
  ])('%s: text, JSON, Markdown and graph', (_, options) => {
    const { desired, remote } = build();
    const plan = planFor(desired, remote, options);
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'update', 'replace', 'update', 'update', 'update', 'create']);
    const outputs = [renderText(plan, plain), renderJson(plan), renderMarkdown(plan, desired), renderGraph(desired, plan)];
    for (const output of outputs) for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(renderText(plan, plain)).toContain('configuration.tunnel_method.ssh_key: (sensitive)');
  });

  test('secrets inside array items are compared item by item and shown as (sensitive)', () => {
    const { desired, remote } = build();
    const api = planFor(desired, remote).changes.find((c) => c.name === 'api');
    expect(api?.fields).toEqual([
      { path: 'configuration.accounts.1.label', before: 'c', after: 'b' },
      { path: 'configuration.accounts.2', before: { label: 'd', token: expect.any(Secret) }, after: null },
      { path: 'configuration.auth.kind', before: null, after: 'key' },
      { path: 'configuration.auth.api_key', before: null, after: expect.any(Secret) },
    ]);
  });

  test('an added array or option group is shown whole, each secret in it as (sensitive)', () => {
    const { desired, remote } = build();
    const plan = planFor(desired, remote);
    const text = renderText(plan, plain);
    expect(text).toContain('+ configuration.accounts: [{"label":"new","token":"(sensitive)"}]');
    expect(text).toContain('+ configuration.auth.grant.refresh_token: (sensitive)');
    expect(text).toContain('+ configuration.auth.grant.extra: [{"label":"x","token":"(sensitive)"}]');
    const json = JSON.parse(renderJson(plan)) as { changes: { name: string; fields: unknown[] }[] };
    expect(json.changes.find((c) => c.name === 'api-added')?.fields).toContainEqual({
      path: 'configuration.accounts',
      before: null,
      after: [{ label: 'new', token: '(sensitive)' }],
    });
  });

  test('the whole plan value, desired configurations included, prints and serializes without a secret', () => {
    const { desired, remote } = build();
    const plan = planFor(desired, remote, { rotateSecrets: true });
    for (const output of [JSON.stringify(plan), inspect(plan, { depth: null }), String(plan.changes.map((c) => JSON.stringify(c)))]) {
      for (const secret of SECRETS) expect(output).not.toContain(secret);
    }
  });

  test('apply still gets the real values: revealing the desired configuration gives them back', () => {
    const { desired, remote } = build();
    const plan = planFor(desired, remote);
    const byName = (name: string) => plan.changes.find((c): c is ActorChange => c.kind === 'source' && c.name === name);
    expect(byName('pg-new')?.desired?.configuration?.['password']).toBeInstanceOf(Secret);
    expect(revealSecrets(byName('pg-new')?.desired?.configuration ?? {})).toMatchObject({ password: pgPassword, ssl_mode: { ca_certificate: cert } });
    expect(revealSecrets(byName('api-added')?.desired?.configuration ?? {})).toEqual(desired.sources[4]?.configuration);
  });

  test("every secret the plan sends is on the client's redaction list, found by its type", () => {
    const { desired, remote } = build();
    expect(planSecrets(planFor(desired, remote)).sort()).toEqual([...SECRETS].sort());
  });
});
