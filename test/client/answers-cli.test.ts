/**
 * A server that answers 200 with the wrong shape, seen from the command line: one error naming the call and the
 * field, exit 1, no stack trace and no "internal error".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { cleanupAfterEachTest } from '../cleanup.js';
import { useNock } from './helpers.js';

useNock();

async function answeringEverything(body: string): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanupAfterEachTest(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

describe('a 200 of the wrong shape, through the CLI', () => {
  it.each([['{}'], ['[]'], ['{"workspaces": "none"}'], ['"ok"']])('answered %s: one clear error, no stack trace', async (body) => {
    nock.enableNetConnect('127.0.0.1');
    const url = await answeringEverything(body);
    const run = await runCli(['plan', 'examples/pipelines', '--url', url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/answered 200 with an unexpected shape/);
    expect(run.stderr).toMatch(/is --url pointing at the Airbyte Config API\?/);
    expect(run.stderr).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
    expect(run.stdout).toBe('');
  });
});
