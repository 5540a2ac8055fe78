import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../cli.js';
import { emulator, EXAMPLES, liveNames, runCli, tempDir, writes } from './helpers.js';

const SECRETS = {
  PG_PASSWORD: 'pg-Secret-4417',
  MINIO_ACCESS_KEY: 'minio-Access-9931',
  MINIO_SECRET_KEY: 'minio-Secret-2208',
  STAGING_PG_PASSWORD: 'stg-Secret-5120',
};

function copyExamples(): string {
  const dir = join(tempDir(), 'pipelines');
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

describe('apply (end to end against the emulator)', () => {
  // The real built CLI, as a user runs it: apply, then plan finds nothing to do.
  it('applies the examples with their secrets, which reach Airbyte and no output or log; a second run has no changes', async () => {
    const server = await emulator();
    const first = await runBuiltCli(['apply', EXAMPLES, '--url', server.url, '--auto-approve', '--debug'], { env: SECRETS });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("✓ created source 'PostgreSQL - Ecommerce' (");
    expect(first.stdout).toContain('Apply complete: 8 created, 0 updated, 0 deleted.');
    expect(first.stderr).toContain('debug: POST /api/v1/sources/create 200');
    const stored = JSON.stringify(server.state);
    for (const value of Object.values(SECRETS)) {
      expect(stored).toContain(value);
      expect(first.stdout + first.stderr).not.toContain(value);
    }
    const connection = server.state.connections.find((c) => c.name === 'PostgreSQL → MinIO');
    expect(connection).toMatchObject({ scheduleType: 'basic', scheduleData: { basicSchedule: { units: 6, timeUnit: 'hours' } } });
    expect(connection?.syncCatalog.streams.map((s) => s.stream.name).sort()).toEqual(['customers', 'orders']);
    const planned = await runBuiltCli(['plan', EXAMPLES, '--url', server.url, '--detailed-exitcode'], { env: SECRETS });
    expect(planned.stdout).toContain('No changes. Airbyte matches the pipeline.');
    expect(planned.code).toBe(0);
    const second = await runCli(['apply', EXAMPLES, '--url', server.url, '--auto-approve', '--rotate-secrets', '--debug'], { env: SECRETS });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/✓ updated source 'PostgreSQL - Ecommerce'/);
    for (const value of Object.values(SECRETS)) expect(second.stdout + second.stderr).not.toContain(value);
    const third = await runCli(['apply', EXAMPLES, '--url', server.url, '--auto-approve'], { env: SECRETS });
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('No changes. Airbyte matches the pipeline.');
  });

  it('without a terminal and without --auto-approve, stops with a hint and writes nothing', async () => {
    const server = await emulator();
    const run = await runCli(['apply', EXAMPLES, '--url', server.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apply needs approval');
    expect(run.stderr).toContain('--auto-approve');
    expect(await writes(server)).toBe(0);
  });

  it('renames in place (same ids), and --prune deletes only undeclared resources, behind --allow-destroy', async () => {
    const server = await emulator();
    const dir = copyExamples();
    expect((await runCli(['apply', dir, '--url', server.url, '--auto-approve'])).code).toBe(0);
    const idOf = (name: string) => server.state.sources.find((s) => s.name === name && !s.tombstone)?.id;
    const before = idOf('Sample Data');
    const file = join(dir, 'sample-data.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('  - name: Sample Data\n', '  - name: Fake Data\n    previousNames: [Sample Data]\n')
        .replace('source: Sample Data', 'source: Fake Data'),
    );
    const renamed = await runCli(['apply', dir, '--url', server.url, '--auto-approve']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain("✓ renamed source 'Sample Data' to 'Fake Data'");
    expect(idOf('Fake Data')).toBe(before);

    // ecommerce.yaml goes away: staging.yaml still names its source (a reference, never pruned).
    rmSync(join(dir, 'ecommerce.yaml'));
    const writesBefore = await writes(server);
    const gated = await runCli(['apply', dir, '--url', server.url, '--auto-approve', '--prune']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('--allow-destroy');
    expect(gated.stderr).toContain("delete destination 'MinIO - Bronze'");
    expect(await writes(server)).toBe(writesBefore);
    const pruned = await runCli(['apply', dir, '--url', server.url, '--auto-approve', '--prune', '--allow-destroy']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stdout).toContain('Apply complete: 0 created, 0 updated, 2 deleted.');
    expect(liveNames(server)).toEqual({
      sources: ['Fake Data', 'PostgreSQL - Ecommerce'],
      destinations: ['Local JSON - Samples', 'PostgreSQL - Staging'],
      connections: ['PostgreSQL → Staging', 'Sample Data → Local JSON'],
    });
  });

  it('--check stops before any write when a new source fails its check, naming it and the message', async () => {
    const server = await emulator();
    const run = await runCli(['apply', EXAMPLES, '--url', server.url, '--auto-approve', '--check'], { env: { PG_PASSWORD: 'wrong-password' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("source 'PostgreSQL - Ecommerce':");
    expect(run.stderr).toMatch(/connection check failed/);
    expect(await writes(server)).toBe(0);
    const ok = await runCli(['apply', EXAMPLES, '--url', server.url, '--auto-approve', '--check', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('Connection checks passed (5).');
    const result = JSON.parse(ok.stdout) as {
      formatVersion: number;
      status: string;
      summary: { created: number };
      operations: { status: string; id?: string }[];
    };
    expect(result).toMatchObject({ formatVersion: 1, status: 'applied', summary: { created: 8, failed: 0 } });
    expect(result.operations.every((o) => o.status === 'done' && typeof o.id === 'string')).toBe(true);
  });

  it('a failed create skips its connection, the rest finishes, and the run exits 1 with the summary', async () => {
    const server = await emulator();
    // A proxy that rejects the creation of one destination, as a server-side rule would.
    const proxy = createServer((incoming, outgoing) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        if (incoming.url?.endsWith('/destinations/create') && body.includes('MinIO - Bronze')) {
          outgoing.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'bucket datalake is not allowed' }));
          return;
        }
        const target = new URL(incoming.url ?? '/', server.url);
        const forward = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(outgoing);
        });
        forward.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1`;
      const run = await runCli(['apply', EXAMPLES, '--url', url, '--auto-approve']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✗ failed to create destination 'MinIO - Bronze': .*bucket datalake is not allowed/);
      expect(run.stdout).toContain("- skipped create of connection 'PostgreSQL → MinIO' (depends on failed destination 'MinIO - Bronze')");
      expect(run.stdout).toContain('Apply failed: 6 created, 0 updated, 0 deleted; 1 failed, 1 skipped.');
      expect(liveNames(server).connections).toEqual(['PostgreSQL → Staging', 'Sample Data → Local JSON']);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
