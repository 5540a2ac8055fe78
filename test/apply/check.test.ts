/** `apply --check`: which checks it makes, with which bodies, how it reports failures; then once end to end (build first). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type CheckConnectionRead, type JsonObject } from '../../src/api/types.js';
import { checkConnections, checkRequestFor, type CheckClient } from '../../src/apply/check.js';
import { createClient } from '../../src/client/index.js';
import { DEFAULT_WORKSPACE_ID } from '../../src/emulator/index.js';
import { GitopsError } from '../../src/errors.js';
import type { DesiredActor } from '../../src/model/desired.js';
import type { ActorChange, Change, Plan } from '../../src/plan/types.js';
import { emulator, runCli, tempDir, writes } from './helpers.js';

const POSTGRES = 'decd338e-5647-4c0b-adf4-da0e75f5a750';

const jobInfo = { id: 'j', configType: 'check_connection_source', createdAt: 0, endedAt: 0, succeeded: true };

function actor(kind: 'source' | 'destination', name: string, configuration: JsonObject): DesiredActor {
  return { kind, name, definition: 'd', configuration, origins: {}, previousNames: [], loc: { file: 'p.yaml', line: 1, col: 1 } };
}

function change(
  action: ActorChange['action'],
  name: string,
  configuration: JsonObject,
  preserved: JsonObject = {},
  kind: 'source' | 'destination' = 'source',
): ActorChange {
  const id = action === 'create' ? null : `id-${name}`;
  return {
    kind,
    name,
    action,
    id,
    definitionId: `def-${name}`,
    desired: actor(kind, name, configuration),
    preserved,
    fields: [],
    warnings: [],
    destructive: false,
    takesDown: [],
  };
}

function plan(changes: Change[]): Plan {
  return {
    formatVersion: 1,
    workspace: { workspaceId: 'ws', name: 'W' },
    changes,
    unmanaged: [],
    summary: { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 0 },
    order: [],
  };
}

/** Records each call and its body; answers with `answers[name]` (a passing check when absent). */
class RecordingClient implements CheckClient {
  calls: { call: string; body: unknown }[] = [];
  constructor(private readonly answers: Record<string, CheckConnectionRead> = {}) {}
  private answer(call: string, name: string, body: unknown): Promise<CheckConnectionRead> {
    this.calls.push({ call, body });
    return Promise.resolve(this.answers[name] ?? { status: 'succeeded', message: 'ok', jobInfo });
  }
  private nameOf(body: { connectionConfiguration: JsonObject }): string {
    return String(body.connectionConfiguration['name'] ?? '');
  }
  checkSource = (id: string) => this.answer('sources/check_connection', id, { id });
  checkDestination = (id: string) => this.answer('destinations/check_connection', id, { id });
  checkSourceUpdate = (body: { name: string }) => this.answer('sources/check_connection_for_update', body.name, body);
  checkDestinationUpdate = (body: { name: string }) => this.answer('destinations/check_connection_for_update', body.name, body);
  checkNewSource = (body: { connectionConfiguration: JsonObject }) => this.answer('scheduler/sources/check_connection', this.nameOf(body), body);
  checkNewDestination = (body: { connectionConfiguration: JsonObject }) => this.answer('scheduler/destinations/check_connection', this.nameOf(body), body);
}

describe('apply --check', () => {
  it('checks an update with the preserved keys under the pipeline configuration, as the update sends them', async () => {
    const preserved = { tunnel_method: { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'bastion', tunnel_user_password: SECRET_MASK }, database: 'old' };
    const client = new RecordingClient();
    const checked = await checkConnections(client, plan([change('update', 'pg', { host: 'db', database: 'new' }, preserved)]), [], 2);
    expect(checked).toBe(1);
    expect(client.calls).toEqual([
      {
        call: 'sources/check_connection_for_update',
        body: { sourceId: 'id-pg', name: 'pg', connectionConfiguration: { tunnel_method: preserved.tunnel_method, database: 'new', host: 'db' } },
      },
    ]);
  });

  it('checks creates and replaces with the scheduler endpoint and nothing preserved; skips no-ops, deletes and connections', async () => {
    const client = new RecordingClient();
    const changes: Change[] = [
      change('create', 'new', { name: 'new' }),
      change('replace', 's3', { name: 's3' }, {}, 'destination'),
      change('no-op', 'same', { name: 'same' }),
      { ...change('delete', 'gone', {}), desired: null },
    ];
    expect(await checkConnections(client, plan(changes), [], 4)).toBe(2);
    expect(client.calls).toEqual([
      { call: 'scheduler/sources/check_connection', body: { sourceDefinitionId: 'def-new', workspaceId: 'ws', connectionConfiguration: { name: 'new' } } },
      {
        call: 'scheduler/destinations/check_connection',
        body: { destinationDefinitionId: 'def-s3', workspaceId: 'ws', connectionConfiguration: { name: 's3' } },
      },
    ]);
    expect(
      checkRequestFor({ ...change('update', 'ref', {}), desired: { ...actor('source', 'ref', {}), configuration: undefined } } as ActorChange, 'ws'),
    ).toBeUndefined();
  });

  it('fails with every failure, its secrets redacted and the job failure read when the check itself errored', async () => {
    const client = new RecordingClient({
      pg: { status: 'failed', message: 'password hunter22 refused (port 1)', jobInfo },
      new: { jobInfo: { ...jobInfo, succeeded: false, failureReason: { externalMessage: 'pod evicted', timestamp: 1 } } },
    });
    const failing = plan([change('update', 'pg', { password: 'hunter22' }), change('create', 'new', { name: 'new' })]);
    const error = await checkConnections(client, failing, ['hunter22', '1'], 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitopsError);
    expect((error as GitopsError).code).toBe('CHECK_FAILED');
    expect((error as GitopsError).message).toBe('connection check failed; nothing was changed in Airbyte:');
    expect((error as GitopsError).details).toEqual(["source 'new': pod evicted", "source 'pg': password (sensitive) refused (port 1)"]);
  });
});

describe('apply --check against the emulator', () => {
  it('checks an existing source with the stored keys the pipeline leaves out: an unreachable stored tunnel stops apply', async () => {
    const server = await emulator();
    const client = createClient({ baseUrl: server.url, auth: { mode: 'none' } });
    const tunnel_method = {
      tunnel_method: 'SSH_PASSWORD_AUTH',
      tunnel_host: 'unreachable-bastion',
      tunnel_port: 22,
      tunnel_user: 'jump',
      tunnel_user_password: 'jump-pass-77',
    };
    const connectionConfiguration = { host: 'postgres', port: 5432, database: 'ecommerce', username: 'postgres', password: 'pg-pass-31', tunnel_method };
    await client.createSource({ workspaceId: DEFAULT_WORKSPACE_ID, sourceDefinitionId: POSTGRES, name: 'pg', connectionConfiguration });
    await client.close();
    const file = join(tempDir(), 'pg.yaml');
    writeFileSync(
      file,
      'sources:\n  - name: pg\n    definition: Postgres\n    configuration: { host: postgres, port: 5432, database: analytics, username: postgres, password: "${PG_PASSWORD}" }\n',
    );
    const before = await writes(server);
    const run = await runCli(['apply', file, '--url', server.url, '--auto-approve', '--check'], { env: { PG_PASSWORD: 'pg-pass-31' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("connection check failed; nothing was changed in Airbyte:\n  source 'pg': Could not connect with provided SSH configuration.");
    expect(await writes(server)).toBe(before);
    expect(server.state.sources[0]?.configuration['database']).toBe('ecommerce');
    expect(run.stdout + run.stderr).not.toContain('pg-pass-31');
  });
});
