import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runApply, type ApplyFlags } from '../../src/commands/apply.js';
import type { CommandIo } from '../../src/commands/io.js';
import { createClient, type AirbyteClient } from '../../src/client/index.js';
import { emulator, EXAMPLES, tempDir } from './helpers.js';

const FLAGS: ApplyFlags = {
  autoApprove: true,
  allowDestroy: false,
  prune: false,
  check: true,
  rotateSecrets: false,
  dedupe: false,
  parallelism: 4,
  json: false,
};
const PASSWORD = 'pg-Literal-4471';

/** Streams that collect what apply writes (not terminals: no colour). */
function io(env: NodeJS.ProcessEnv): CommandIo & { err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stdout.resume();
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stdin = new PassThrough();
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env,
    cwd: tempDir(),
    err: () => err,
  };
}

const clients: AirbyteClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** The ecommerce example with the Postgres password written literally (a warning), applied in-process. */
async function applyWithWarning(env: NodeJS.ProcessEnv) {
  const server = await emulator();
  const file = join(tempDir(), 'pg.yaml');
  writeFileSync(file, readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8').replace('${PG_PASSWORD:-postgres}', PASSWORD));
  const client = createClient({ baseUrl: server.url, auth: { mode: 'none' } });
  clients.push(client);
  const registered: string[][] = [];
  const addSecrets = client.addSecrets;
  client.addSecrets = (values) => {
    registered.push([...values]);
    addSecrets(values);
  };
  const streams = io(env);
  const guard = { signal: new AbortController().signal, executing: () => undefined, dispose: () => undefined };
  const code = await runApply(client, { paths: [file] }, FLAGS, streams, guard);
  return { code, stderr: streams.err(), registered };
}

describe('runApply', () => {
  it('prints warnings like every command: file:line:col, and GitHub annotations under GitHub Actions', async () => {
    const { code, stderr } = await applyWithWarning({ GITHUB_ACTIONS: 'true', NO_COLOR: '1' });
    expect(code).toBe(0);
    expect(stderr).toMatch(/pg\.yaml:\d+:\d+: warning: source 'PostgreSQL - Ecommerce': configuration\.password is a secret written in the file/);
    expect(stderr).toMatch(
      /^::warning file=.*pg\.yaml,line=\d+,col=\d+::source 'PostgreSQL - Ecommerce': configuration\.password is a secret written in the file/m,
    );
    expect(stderr).not.toContain(PASSWORD);
  });

  it('registers the secret values with the client before the first call that sends them, and all of them once before apply', async () => {
    const { code, registered } = await applyWithWarning({});
    expect(code).toBe(0);
    // The new source's secrets first (plan-time discovery of its configuration), then every secret of the plan.
    expect(registered).toHaveLength(2);
    expect(registered[0]).toEqual([PASSWORD]);
    expect(registered[1]).toEqual(expect.arrayContaining([PASSWORD]));
  });
});
