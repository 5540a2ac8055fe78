/**
 * A connection reset on a create, before and after the server acted, and deleted connections that share a name
 * with a wanted one. To the client both resets look the same; only what apply does next shows whether it looked
 * before sending the create again.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { emulator, expectedNames, generatePipeline, liveNames, runCli, tempDir } from './helpers.js';

async function sent(handle: EmulatorHandle, call: string): Promise<number> {
  const answer = await fetch(`${new URL(handle.url).origin}/_emulator/requests`);
  return ((await answer.json()) as { byPath: Record<string, number> }).byPath[`/api/v1/${call}`] ?? 0;
}

const apply = (file: string, handle: EmulatorHandle) => runCli(['apply', file, '--url', handle.url, '--auto-approve']);

/** The pipeline p-source-0 → p-dest-0 applied, then its connection deleted (kept by the server as `deprecated`). */
async function withDeletedNamesake(handle: EmulatorHandle): Promise<{ file: string; deletedId: string }> {
  const file = generatePipeline(tempDir(), 1);
  expect((await apply(file, handle)).code).toBe(0);
  const deletedId = handle.state.connections[0]!.connectionId;
  const deleted = await fetch(`${handle.url}/connections/delete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connectionId: deletedId }),
  });
  expect(deleted.status).toBe(204);
  return { file, deletedId };
}

const liveConnections = (handle: EmulatorHandle) => handle.state.connections.filter((connection) => connection.status !== 'deprecated');

describe('a connection reset on a create (end to end)', () => {
  it('after the server acted: apply finds the created source and adopts it; the create is sent once', async () => {
    const server = await emulator();
    server.injectFault('sources/create', { phase: 'after', effect: 'drop' });
    const run = await apply(generatePipeline(tempDir(), 1), server);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("created source 'p-source-0' (found after its answer was lost; not created twice)");
    expect(server.state.sources).toHaveLength(1);
    expect(await sent(server, 'sources/create')).toBe(1);
    expect(liveNames(server)).toEqual(expectedNames(1));
  });

  it('before the server acted: apply looks, finds nothing, and sends the create again', async () => {
    const server = await emulator();
    server.injectFault('sources/create', { phase: 'before', effect: 'drop' });
    const run = await apply(generatePipeline(tempDir(), 1), server);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/created source 'p-source-0' \(\d/);
    expect(server.state.sources).toHaveLength(1);
    expect(await sent(server, 'sources/create')).toBe(2);
  });
});

describe('a deleted (deprecated) connection with the wanted name, listed as connections/list_all would', () => {
  it('plan ignores it: the connection is to be created', async () => {
    const server = await emulator({ listDeletedConnections: true });
    const { file } = await withDeletedNamesake(server);
    const run = await runCli(['plan', file, '--url', server.url]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\+ connection 'p-conn-0'/);
    expect(run.stdout).toMatch(/1 to create, 0 to update/);
  });

  it('apply creates a new one, and a lost create answer adopts the new one, never the deleted one', async () => {
    const server = await emulator({ listDeletedConnections: true });
    const { file, deletedId } = await withDeletedNamesake(server);
    server.injectFault('connections/create', { phase: 'after', effect: 'drop' });
    const run = await apply(file, server);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("created connection 'p-conn-0' (found after its answer was lost; not created twice)");
    expect(liveConnections(server).map((connection) => connection.name)).toEqual(['p-conn-0']);
    expect(liveConnections(server)[0]!.connectionId).not.toBe(deletedId);
    expect(await sent(server, 'connections/create')).toBe(2); // one by the first apply, one by this one
  });

  it('a create reset before the server acted is sent again, not "adopted" as the deleted namesake', async () => {
    const server = await emulator({ listDeletedConnections: true });
    const { file, deletedId } = await withDeletedNamesake(server);
    server.injectFault('connections/create', { phase: 'before', effect: 'drop' });
    const run = await apply(file, server);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('found after its answer was lost');
    expect(liveConnections(server)).toHaveLength(1);
    expect(liveConnections(server)[0]!.connectionId).not.toBe(deletedId);
    // A second apply has nothing left to do: the pipeline's connection is live.
    expect((await apply(file, server)).stdout).toContain('No changes. Airbyte matches the pipeline.');
  });
});
