import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderGraph } from '../../src/plan/render/mermaid.js';
import { renderText } from '../../src/plan/render/text.js';
import type { DiffOptions } from '../../src/plan/types.js';
import { plain } from '../../src/util/color.js';
import { MYSQL, connection, desiredStream, destination, maskedPg, maskedS3, pipeline, remoteActor, remoteState, source, planFor } from './fixtures.js';

const API = 'a0a0a0a0-0000-4000-8000-000000000001';
const apiSpec: JsonObject = {
  type: 'object',
  properties: {
    accounts: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, token: { type: 'string', airbyte_secret: true } } } },
    auth: { type: 'object', oneOf: [{ properties: { kind: { const: 'key' }, api_key: { type: 'string', airbyte_secret: true } } }] },
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
const SECRETS = [pgPassword, cert, accessKey, secretKey, tokenOne, tokenTwo, apiKey, sshKey];

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
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'update', 'replace', 'update', 'update', 'create']);
    const outputs = [renderText(plan, plain), renderJson(plan), renderMarkdown(plan, desired), renderGraph(desired, plan)];
    for (const output of outputs) for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(renderText(plan, plain)).toContain('configuration.tunnel_method.ssh_key: (sensitive)');
  });

  test('secrets inside array items are compared item by item and shown as (sensitive)', () => {
    const { desired, remote } = build();
    const api = planFor(desired, remote).changes.find((c) => c.name === 'api');
    expect(api?.fields).toEqual([
      { path: 'configuration.accounts.1.label', before: 'c', after: 'b' },
      { path: 'configuration.accounts.2', before: { label: 'd', token: '(sensitive)' }, after: null },
      { path: 'configuration.auth.kind', before: null, after: 'key' },
      { path: 'configuration.auth.api_key', before: null, after: '(sensitive)' },
    ]);
  });

  test('the plan keeps the real values only where apply needs them (the desired actor), never in fields', () => {
    const { desired, remote } = build();
    const plan = planFor(desired, remote);
    const fieldsOnly = JSON.stringify(plan.changes.map((c) => [c.fields, c.warnings]));
    for (const secret of SECRETS) expect(fieldsOnly).not.toContain(secret);
    expect(plan.changes[0]?.kind === 'source' && plan.changes[0].desired?.configuration?.['password']).toBe(pgPassword);
  });
});
