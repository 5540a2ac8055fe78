import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { formatProblem } from '../../src/model/problem.js';
import { resolveReferences } from '../../src/plan/validate.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderText } from '../../src/plan/render/text.js';
import type { ActorChange, Change } from '../../src/plan/types.js';
import { revealSecrets } from '../../src/secrets/seal.js';
import { Secret } from '../../src/secrets/secret.js';
import { plain } from '../../src/util/color.js';
import {
  MYSQL,
  PG,
  connection,
  desiredStream,
  destination,
  inSync,
  maskedPg,
  pgConfig,
  pipeline,
  reference,
  remoteActor,
  remoteConnection,
  remoteState,
  s3Config,
  source,
  planFor,
} from './fixtures.js';

/** The plan of one source `pg` declared with `desired` against a remote `pg` holding `stored`. */
function planSource(desired: JsonObject, stored: JsonObject, options = {}) {
  const plan = planFor(pipeline({ sources: [source('pg', desired)] }), remoteState({ sources: [remoteActor('source', 'src-1', 'pg', stored)] }), options);
  return plan.changes[0] as ActorChange;
}

const find = (changes: Change[], kind: string, name: string) => changes.find((c) => c.kind === kind && c.name === name);

describe('diff: sources and destinations', () => {
  test('a pipeline Airbyte already holds (secrets masked) plans nothing', () => {
    const { desired, remote } = inSync();
    const plan = planFor(desired, remote);
    expect(plan.changes.map((c) => [c.kind, c.name, c.action, c.id])).toEqual([
      ['source', 'pg', 'no-op', 'src-1'],
      ['destination', 'lake', 'no-op', 'dst-1'],
      ['connection', 'pg-to-lake', 'no-op', 'conn-1'],
    ]);
    expect(plan.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, 'no-op': 3 });
    expect(plan.order).toEqual([]);
  });

  test.each([
    [
      'ssl_mode certificates (oneOf branch)',
      { ssl_mode: { mode: 'verify-ca', ca_certificate: 'CERT', client_key_password: 'kp' } },
      { ssl_mode: { mode: 'verify-ca', ca_certificate: '**********', client_key_password: '**********' } },
    ],
    [
      'ssh key in tunnel_method (oneOf branch)',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', ssh_key: 'KEY' } },
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: 22, ssh_key: '**********' } },
    ],
    ['top-level password', {}, {}],
  ])('masked secrets are never compared: %s', (_, desiredExtra, storedExtra) => {
    const change = planSource({ ...pgConfig, ...desiredExtra }, { ...maskedPg, ...storedExtra });
    expect(change.action).toBe('no-op');
    expect(change.fields).toEqual([]);
  });

  test.each([
    ['top-level password', { ...pgConfig }, { ...maskedPg, password: undefined }, 'configuration.password'],
    [
      'certificate inside a oneOf branch',
      { ...pgConfig, ssl_mode: { mode: 'verify-ca', ca_certificate: 'CERT' } },
      { ...maskedPg, ssl_mode: { mode: 'verify-ca' } },
      'configuration.ssl_mode.ca_certificate',
    ],
  ])('a secret Airbyte does not hold is a change: %s', (_, desired, stored, path) => {
    const clean = JSON.parse(JSON.stringify(stored)) as JsonObject;
    const change = planSource(desired as JsonObject, clean);
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([{ path, before: null, after: expect.any(Secret) }]);
  });

  test.each([
    ['remote-only keys (server defaults, server-only fields)', {}, { jdbc_url_params: '', schemas: ['public'], tunnel_method: { tunnel_method: 'NO_TUNNEL' } }],
    ['a declared value equal to the spec default, absent remotely', { port: 5432 }, { port: undefined }],
    ['a declared array equal to the spec default', { schemas: ['public'] }, {}],
    ['the first oneOf branch with defaults, absent remotely', { tunnel_method: { tunnel_method: 'NO_TUNNEL' } }, {}],
    [
      'remote keys of the same oneOf branch the YAML does not set',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'b' } },
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'b', tunnel_port: 22 } },
    ],
  ])('no difference: %s', (_, desiredExtra, storedExtra) => {
    const stored = JSON.parse(JSON.stringify({ ...maskedPg, ...storedExtra })) as JsonObject;
    expect(planSource({ ...pgConfig, ...desiredExtra } as JsonObject, stored).fields).toEqual([]);
  });

  test.each([
    ['a changed port', { port: 5433 }, {}, [{ path: 'configuration.port', before: 5432, after: 5433 }]],
    [
      'a non-first oneOf branch, absent remotely',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_port: 22 } },
      {},
      [{ path: 'configuration.tunnel_method.tunnel_method', before: null, after: 'SSH_KEY_AUTH' }],
    ],
    [
      'another oneOf branch',
      { ssl_mode: { mode: 'require' } },
      { ssl_mode: { mode: 'disable' } },
      [{ path: 'configuration.ssl_mode.mode', before: 'disable', after: 'require' }],
    ],
    [
      'an array',
      { schemas: ['public', 'sales'] },
      { schemas: ['public'] },
      [{ path: 'configuration.schemas', before: ['public'], after: ['public', 'sales'] }],
    ],
    [
      'a value that differs from the default, absent remotely',
      { port: 6543 },
      { port: undefined },
      [{ path: 'configuration.port', before: null, after: 6543 }],
    ],
  ])('exactly the changed field: %s', (_, desiredExtra, storedExtra, fields) => {
    const stored = JSON.parse(JSON.stringify({ ...maskedPg, ...storedExtra })) as JsonObject;
    const change = planSource({ ...pgConfig, ...desiredExtra } as JsonObject, stored);
    expect(change.action).toBe('update');
    expect(change.fields).toEqual(fields);
    expect(revealSecrets(change.desired?.configuration ?? {})).toEqual({ ...pgConfig, ...desiredExtra });
  });

  test('an update keeps a stored top-level secret the YAML omits: the mask is sent back, without a warning', () => {
    const { password: _omitted, ...withoutPassword } = pgConfig;
    const change = planSource({ ...withoutPassword, port: 5433 }, maskedPg);
    expect(change.warnings).toEqual([]);
    expect(change.preserved).toEqual({ password: '**********' });
  });

  describe('what an update keeps of the settings the pipeline does not set', () => {
    const stored: JsonObject = {
      ...maskedPg,
      jdbc_url_params: 'a=b',
      schemas: ['public', 'sales'],
      ssl_mode: { mode: 'verify-ca', ca_certificate: '**********' },
      tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: 22, ssh_key: '**********' },
      replication_note: 'shown as **********',
      ssh_password: null,
    };

    test('every top-level key the pipeline does not set is preserved exactly as read, masked secrets included', () => {
      const change = planSource({ ...pgConfig, port: 5433 }, stored);
      expect(change.fields).toEqual([{ path: 'configuration.port', before: 5432, after: 5433 }]);
      expect(change.preserved).toEqual({
        jdbc_url_params: 'a=b',
        schemas: ['public', 'sales'],
        ssl_mode: { mode: 'verify-ca', ca_certificate: '**********' },
        tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'bastion', tunnel_port: 22, ssh_key: '**********' },
        replication_note: 'shown as **********',
        ssh_password: null,
      });
      expect(change.warnings).toEqual([]);
    });

    test('a key the pipeline sets is never preserved: a nested object is sent as written, not mixed with the stored one', () => {
      const change = planSource({ ...pgConfig, port: 5433, ssl_mode: { mode: 'require' }, jdbc_url_params: '' }, stored);
      expect(Object.keys(change.preserved).sort()).toEqual(['replication_note', 'schemas', 'ssh_password', 'tunnel_method']);
      // The secret of the branch left behind goes with it: the one removal the plan still warns about.
      expect(change.warnings).toEqual([
        'configuration.ssl_mode.ca_certificate is a secret stored in Airbyte that the pipeline leaves out of configuration.ssl_mode, which it sets: the update removes it; set it in the pipeline (as ${VAR}) to keep it',
      ]);
      // Losing a stored credential is destructive: unattended runs need --allow-destroy.
      expect(change.destructive).toBe(true);
      expect(planSource({ ...pgConfig, port: 5433 }, stored).destructive).toBe(false);
    });

    test('--rotate-secrets updates preserve the same way; no-ops, creates and replaces preserve nothing', () => {
      expect(planSource(pgConfig, stored, { rotateSecrets: true })).toMatchObject({
        action: 'update',
        preserved: { jdbc_url_params: 'a=b', tunnel_method: stored['tunnel_method'] },
      });
      expect(planSource(pgConfig, stored)).toMatchObject({ action: 'no-op', preserved: {} });
      const created = planFor(pipeline({ sources: [source('pg', pgConfig)] }), remoteState({})).changes[0] as ActorChange;
      expect(created.preserved).toEqual({});
      const replaced = planFor(
        pipeline({ sources: [source('pg', pgConfig, { definition: MYSQL })] }),
        remoteState({ sources: [remoteActor('source', 'src-1', 'pg', stored)] }),
      );
      expect((replaced.changes[0] as ActorChange).preserved).toEqual({});
    });

    test('renderers never show what is preserved', () => {
      const { desired, remote } = inSync();
      desired.sources[0]!.configuration = { ...pgConfig, port: 5433 };
      remote.sources[0]!.configuration = { ...stored, jdbc_url_params: 'marker=preserved-77' };
      const plan = planFor(desired, remote);
      expect((plan.changes[0] as ActorChange).preserved['jdbc_url_params']).toBe('marker=preserved-77');
      for (const output of [renderText(plan, plain), renderJson(plan), renderMarkdown(plan, desired)]) expect(output).not.toContain('preserved-77');
    });
  });

  test('--rotate-secrets turns a matching resource with secrets into an update of its secrets', () => {
    const change = planSource(pgConfig, maskedPg, { rotateSecrets: true });
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([{ path: 'configuration.password', before: expect.any(Secret), after: expect.any(Secret) }]);
  });

  test('a create lists every declared value, secrets as (sensitive), and resolves the definition', () => {
    const plan = planFor(pipeline({ sources: [source('pg', { ...pgConfig, ssl_mode: { mode: 'verify-ca', ca_certificate: 'CERT' } })] }), remoteState({}));
    const change = plan.changes[0] as ActorChange;
    expect(change).toMatchObject({ action: 'create', id: null, definitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750', destructive: false });
    expect(change.fields).toEqual([
      { path: 'name', before: null, after: 'pg' },
      { path: 'definition', before: null, after: 'Postgres' },
      { path: 'configuration.host', before: null, after: 'db.internal' },
      { path: 'configuration.port', before: null, after: 5432 },
      { path: 'configuration.database', before: null, after: 'shop' },
      { path: 'configuration.username', before: null, after: 'airbyte' },
      { path: 'configuration.password', before: null, after: expect.any(Secret) },
      { path: 'configuration.ssl_mode.mode', before: null, after: 'verify-ca' },
      { path: 'configuration.ssl_mode.ca_certificate', before: null, after: expect.any(Secret) },
    ]);
  });

  // Remote resources sharing a name: test/plan/duplicates.test.ts.

  test('a rename keeps the id and shows name old → new', () => {
    const desired = pipeline({ sources: [source('pg-shop', pgConfig, { previousNames: ['pg'] })] });
    const change = planFor(desired, remoteState({ sources: [remoteActor('source', 'src-1', 'pg', maskedPg)] })).changes[0];
    expect(change).toMatchObject({ action: 'update', id: 'src-1', rename: { from: 'pg' }, fields: [{ path: 'name', before: 'pg', after: 'pg-shop' }] });
  });

  test('no rename when the new name already exists: the old one stays unmanaged', () => {
    const desired = pipeline({ sources: [source('pg-shop', pgConfig, { previousNames: ['pg'] })] });
    const remote = remoteState({ sources: [remoteActor('source', 'src-1', 'pg', maskedPg), remoteActor('source', 'src-2', 'pg-shop', maskedPg)] });
    const plan = planFor(desired, remote);
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', id: 'src-2' });
    expect(plan.changes[0]?.warnings[0]).toMatch(/previous name 'pg' still exists \(id src-1\)/);
    expect(plan.unmanaged).toEqual([{ kind: 'source', name: 'pg', id: 'src-1' }]);
  });

  test('a definition change replaces the source, takes its connection down and recreates it', () => {
    const { desired, remote } = inSync();
    desired.sources[0] = source('pg', pgConfig, { definition: MYSQL });
    const plan = planFor(desired, remote);
    const replaced = find(plan.changes, 'source', 'pg') as ActorChange;
    expect(replaced).toMatchObject({ action: 'replace', id: 'src-1', definitionId: MYSQL, destructive: true, takesDown: ['pg-to-lake'] });
    expect(replaced.fields[0]).toEqual({ path: 'definition', before: 'Postgres', after: 'MySQL' });
    expect(replaced.warnings).toEqual([
      "definition changes from 'Postgres' to 'MySQL': the source is deleted and created again; deletes its connections 'pg-to-lake' with their sync state",
    ]);
    expect(find(plan.changes, 'connection', 'pg-to-lake')).toMatchObject({
      action: 'replace',
      id: 'conn-1',
      destructive: true,
      sourceRef: { pending: 'pg' },
      destinationRef: { id: 'dst-1' },
    });
    expect(plan.summary).toEqual({ create: 0, update: 0, replace: 2, delete: 0, 'no-op': 1 });
  });

  test('an undeclared connection of a replaced source is a delete, not left as unmanaged', () => {
    const { desired, remote } = inSync();
    desired.sources[0] = source('pg', pgConfig, { definition: MYSQL });
    remote.connections.push(remoteConnection('conn-9', 'adhoc', []));
    const plan = planFor(desired, remote);
    expect(find(plan.changes, 'connection', 'adhoc')).toMatchObject({
      action: 'delete',
      id: 'conn-9',
      warnings: ["deleted with source 'pg', which is replaced"],
    });
    expect(plan.unmanaged).toEqual([]);
  });

  describe('unmanaged and prune', () => {
    const build = () => {
      const { desired, remote } = inSync();
      desired.sources.push(reference('source', 'shared-crm'));
      remote.sources.push(remoteActor('source', 'src-8', 'shared-crm', {}), remoteActor('source', 'src-9', 'legacy', {}));
      remote.connections.push(remoteConnection('conn-9', 'legacy-to-lake', [], { sourceId: 'src-9' }));
      return { desired, remote };
    };

    test('without prune: listed as unmanaged, left alone; references are neither', () => {
      const { desired, remote } = build();
      const plan = planFor(desired, remote);
      expect(plan.unmanaged).toEqual([
        { kind: 'source', name: 'legacy', id: 'src-9' },
        { kind: 'connection', name: 'legacy-to-lake', id: 'conn-9' },
      ]);
      expect(plan.changes.filter((c) => c.action === 'delete')).toEqual([]);
      expect(plan.changes.map((c) => c.name)).toEqual(['pg', 'lake', 'pg-to-lake']);
    });

    test('with prune: deletes, the source after its connection; never the referenced source', () => {
      const { desired, remote } = build();
      const plan = planFor(desired, remote, { prune: true });
      expect(plan.unmanaged).toEqual([]);
      const deletes = plan.changes.filter((c) => c.action === 'delete');
      expect(deletes.map((c) => [c.kind, c.name, c.id, c.destructive])).toEqual([
        ['source', 'legacy', 'src-9', true],
        ['connection', 'legacy-to-lake', 'conn-9', true],
      ]);
      expect(deletes[0]?.warnings).toEqual(["deletes its connections 'legacy-to-lake' with it"]);
      expect(plan.order.map((s) => [s.key, s.dependsOn])).toEqual([
        ['delete:connection:conn-9', []],
        ['delete:source:src-9', ['delete:connection:conn-9']],
      ]);
    });
  });

  test('a name-only reference resolves to the existing id', () => {
    const desired = pipeline({
      sources: [reference('source', 'shared-crm')],
      destinations: [destination('lake', {})],
      connections: [connection('crm-to-lake', [desiredStream('accounts')], { source: 'shared-crm' })],
    });
    const plan = planFor(desired, remoteState({ sources: [remoteActor('source', 'src-8', 'shared-crm', {})] }));
    expect(plan.changes.map((c) => c.name)).toEqual(['lake', 'crm-to-lake']);
    expect(find(plan.changes, 'connection', 'crm-to-lake')).toMatchObject({ sourceRef: { id: 'src-8' }, destinationRef: { pending: 'lake' } });
  });

  test.each([
    [
      'a declared reference',
      pipeline({ sources: [reference('source', 'shared-crm')] }),
      "pipelines/shop.yaml:30:5: error: source 'shared-crm' is referenced by name but does not exist in workspace 'Default Workspace' (did you mean 'shared-crm2'?); declare it with a definition and configuration, or create it first",
    ],
    [
      'a connection endpoint the pipeline does not declare',
      pipeline({ destinations: [destination('lake', s3Config)], connections: [connection('c', [], { source: 'shared-crm', destination: 'lake' })] }),
      "pipelines/shop.yaml:40:5: error: source 'shared-crm' is referenced by name but does not exist in workspace 'Default Workspace' (did you mean 'shared-crm2'?); declare it with a definition and configuration, or create it first",
    ],
    [
      'an unknown definition',
      pipeline({ sources: [source('pg', pgConfig, { definition: 'Postgress' })] }),
      "pipelines/shop.yaml:2:5: error: source 'pg': unknown source definition 'Postgress' (did you mean 'Postgres'?)",
    ],
  ])('validation, not the diff, reports %s', (_, desired, line) => {
    const remote = remoteState({ sources: [remoteActor('source', 'src-8', 'shared-crm2', {})] });
    const { problems } = resolveReferences(desired, remote);
    expect(problems.map(formatProblem)).toEqual([line]);
    expect(() => planFor(desired, remote)).toThrow(expect.objectContaining({ code: 'SPEC_INVALID' }));
  });

  test('every reference and definition problem is reported at once, in pipeline order', () => {
    const desired = pipeline({
      sources: [source('pg', pgConfig, { definition: 'Postgress' }), reference('source', 'shared-crm')],
      destinations: [reference('destination', 'lake')],
    });
    const { problems } = resolveReferences(desired, remoteState({}));
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^source 'pg': unknown source definition 'Postgress'/) }),
      expect.objectContaining({ line: 30, message: expect.stringMatching(/^source 'shared-crm' is referenced by name but does not exist/) }),
      expect.objectContaining({ line: 30, message: expect.stringMatching(/^destination 'lake' is referenced by name but does not exist/) }),
    ]);
  });

  test('the diff takes what validation resolved: the definition, and the id a reference stands for', () => {
    const desired = pipeline({ sources: [source('pg', pgConfig, { definition: PG.toUpperCase() }), reference('source', 'shared-crm')] });
    const remote = remoteState({ sources: [remoteActor('source', 'src-8', 'shared-crm', {})] });
    const { validated, problems } = resolveReferences(desired, remote);
    expect(problems).toEqual([]);
    expect(validated.managed.map(({ actor, definition }) => [actor.name, definition.definitionId])).toEqual([['pg', PG]]);
    expect(validated.references).toEqual([{ kind: 'source', name: 'shared-crm', existing: remote.sources[0] }]);
  });

  test('a definition id is matched whatever its case, as the checks match it', () => {
    const plan = planFor(
      pipeline({ sources: [source('pg', pgConfig, { definition: PG.toUpperCase() })] }),
      remoteState({ sources: [remoteActor('source', 'src-1', 'pg', maskedPg)] }),
    );
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', definitionId: PG });
  });

  test('a definition name shared by two definitions is a problem naming both ids, as the checks say', () => {
    const remote = remoteState({});
    remote.definitions.push({
      kind: 'source',
      definitionId: 'aaaaaaaa-0000-4000-8000-000000000001',
      name: 'postgres',
      dockerRepository: 'custom/pg',
      dockerImageTag: '1',
    });
    const { problems } = resolveReferences(pipeline({ sources: [source('pg', pgConfig)] }), remote);
    expect(problems.map(formatProblem)).toEqual([
      `pipelines/shop.yaml:2:5: error: source 'pg': source definition 'Postgres' is ambiguous: several definitions have that name (${PG}, aaaaaaaa-0000-4000-8000-000000000001); use the definition id`,
    ]);
  });
});
