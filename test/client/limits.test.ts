/** The client reads at most AIRBYTE_MAX_ANSWER_BYTES of an answer, and stops there with an error naming the call. */
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, failure, sourceRead, testClient, useNock } from './helpers.js';

useNock();

describe('the answer size cap', () => {
  it('refuses an answer over the cap, naming the call and the setting', async () => {
    api()
      .post('/api/v1/sources/list')
      .reply(200, { sources: Array.from({ length: 50 }, (_, i) => sourceRead(`s${i}`)) });
    const { client, sleeps } = testClient({ maxAnswerBytes: 1000 });
    const error = await failure(client.listSources('w'));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toBe('sources/list: the answer from http://airbyte.test:8000/api/v1 (HTTP 200) is larger than 1000 bytes; reading stopped there');
    expect(error.hint).toContain('AIRBYTE_MAX_ANSWER_BYTES');
    expect(error.ambiguous).toBe(false);
    expect(sleeps).toEqual([]);
  });

  it('reads an answer under the cap', async () => {
    api().post('/api/v1/sources/get').reply(200, sourceRead('s1'));
    const { client } = testClient({ maxAnswerBytes: 1000 });
    expect((await client.getSource('s1')).sourceId).toBe('s1');
  });

  it('says a create answered with too much may still have happened', async () => {
    api()
      .post('/api/v1/sources/create')
      .reply(200, { ...sourceRead('s1'), padding: 'x'.repeat(2000) });
    const { client } = testClient({ maxAnswerBytes: 1000 });
    const error = await failure(client.createSource({ sourceDefinitionId: 'def', workspaceId: 'w', name: 'pg', connectionConfiguration: {} }));
    expect(error.ambiguous).toBe(true);
    expect(error.message).toContain('may still have taken effect');
  });

  it('stops reading a streamed answer without a length at the cap', async () => {
    nock.enableNetConnect('127.0.0.1');
    let written = 0;
    const total = 64 * 1024 * 1024;
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < total && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const { client } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, maxAnswerBytes: 256 * 1024 });
      const error = await failure(client.getSource('s1'));
      expect(error.message).toContain('is larger than 262144 bytes');
      // The server was cut off long before it sent everything.
      expect(written).toBeLessThan(total);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts a compressed answer as it is decoded, whatever length it declares', async () => {
    nock.enableNetConnect('127.0.0.1');
    // 8 MiB of spaces, compressed to a few KiB: the declared length is far under the cap, the answer far over it.
    const body = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const { client } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, maxAnswerBytes: 256 * 1024 });
      expect(body.length).toBeLessThan(256 * 1024);
      const error = await failure(client.getSource('s1'));
      expect(error.message).toContain('is larger than 262144 bytes');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
