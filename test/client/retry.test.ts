import { describe, expect, it } from 'vitest';
import { RETRY_RULES } from '../../src/client/index.js';
import { api, failure, jobInfoRead, sourceRead, testClient, useNock, netError } from './helpers.js';

useNock();

const SOURCE = sourceRead('s1');
const CREATE = { sourceDefinitionId: 'def', workspaceId: 'w', name: 'PostgreSQL - Ecommerce', connectionConfiguration: { host: 'db' } };

describe('reads retry on 429 and 502/503/504, honouring Retry-After', () => {
  it('waits the Retry-After seconds of a 429', async () => {
    api().post('/api/v1/sources/get').reply(429, { message: 'slow down' }, { 'Retry-After': '2' });
    api().post('/api/v1/sources/get').reply(200, SOURCE);
    const { client, sleeps, lines } = testClient();
    expect((await client.getSource('s1')).name).toBe('PostgreSQL - Ecommerce');
    expect(sleeps).toEqual([2000]);
    expect(lines).toContain('retry 2/4 of sources/get after 429 in 2000ms');
  });

  it('waits the Retry-After seconds of a 503', async () => {
    api().post('/api/v1/sources/get').reply(503, '', { 'Retry-After': '1' });
    api().post('/api/v1/sources/get').reply(200, SOURCE);
    const { client, sleeps } = testClient();
    await client.getSource('s1');
    expect(sleeps).toEqual([1000]);
  });

  it('reads Retry-After as an HTTP date, and waits up to the 60 s cap', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    api().post('/api/v1/sources/get').reply(503, '', { 'Retry-After': 'Wed, 01 Jan 2025 00:00:05 GMT' });
    api().post('/api/v1/sources/get').reply(429, '', { 'Retry-After': '60' });
    api().post('/api/v1/sources/get').reply(200, SOURCE);
    const { client, sleeps } = testClient({ now: () => now });
    await client.getSource('s1');
    expect(sleeps).toEqual([5000, 60_000]);
  });

  it('fails at once, saying when to retry, when Retry-After is longer than the cap', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    api().post('/api/v1/sources/get').reply(429, { message: 'slow down' }, { 'Retry-After': '3600' });
    const { client, sleeps } = testClient({ now: () => now });
    const error = await failure(client.getSource('s1', "source 'pg'"));
    expect(sleeps).toEqual([]);
    expect(client.stats().calls).toBe(1);
    expect(error.code).toBe('API_ERROR');
    expect(error.status).toBe(429);
    expect(error.message).toBe(
      "sources/get for source 'pg' failed with HTTP 429 Too Many Requests: the server asks to wait 60 min before trying again (until 2025-01-01T01:00:00Z), longer than the 60s the tool waits by itself",
    );
    expect(error.hint).toBe('run the command again after 2025-01-01T01:00:00Z.');
  });

  it('fails a create at once on a long Retry-After as an HTTP date, not marked ambiguous', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    api().post('/api/v1/sources/create').reply(429, '', { 'Retry-After': 'Wed, 01 Jan 2025 02:00:00 GMT' });
    const { client, sleeps } = testClient({ now: () => now });
    const error = await failure(client.createSource(CREATE));
    expect(sleeps).toEqual([]);
    expect(error.ambiguous).toBe(false);
    expect(error.hint).toBe('run the command again after 2025-01-01T02:00:00Z.');
  });

  it('backs off exponentially with full jitter when there is no Retry-After', async () => {
    api().post('/api/v1/sources/get').times(3).reply(502, '');
    api().post('/api/v1/sources/get').reply(200, SOURCE);
    const { client, sleeps } = testClient({ random: () => 0.5, retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 } });
    await client.getSource('s1');
    // Ceilings 100, 200, then 400 capped at 300; the jitter picks the middle of each.
    expect(sleeps).toEqual([50, 100, 150]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    api().post('/api/v1/sources/get').times(4).reply(504, '');
    const { client, sleeps } = testClient();
    const error = await failure(client.getSource('s1', "source 'PostgreSQL - Ecommerce'"));
    expect(sleeps).toHaveLength(3);
    expect(error.code).toBe('API_ERROR');
    expect(error).toMatchObject({ status: 504, ambiguous: false, meta: { call: 'sources/get' } });
  });

  it('does not retry a 500 or a 4xx', async () => {
    api().post('/api/v1/sources/get').reply(500, { errorId: 'x' });
    api().post('/api/v1/sources/get').reply(422, { message: 'bad' });
    const { client, sleeps } = testClient();
    expect((await failure(client.getSource('s1'))).status).toBe(500);
    expect((await failure(client.getSource('s1'))).status).toBe(422);
    expect(sleeps).toEqual([]);
  });

  it('retries a read whose connection dropped', async () => {
    api().post('/api/v1/sources/get').replyWithError(netError('ECONNRESET', 'socket hang up'));
    api().post('/api/v1/sources/get').reply(200, SOURCE);
    const { client, sleeps } = testClient();
    await client.getSource('s1');
    expect(sleeps).toHaveLength(1);
  });
});

describe('non-idempotent writes retry only when the server certainly did not act', () => {
  it('does not retry a create answered 502: the error is ambiguous', async () => {
    api().post('/api/v1/sources/create').reply(502, '<html><title>502 Bad Gateway</title></html>');
    const { client, sleeps } = testClient();
    const error = await failure(client.createSource(CREATE));
    expect(sleeps).toEqual([]);
    expect(error.code).toBe('API_ERROR');
    expect(error).toMatchObject({ status: 502, ambiguous: true, meta: { call: 'sources/create', resource: "source 'PostgreSQL - Ecommerce'" } });
    expect(error.message).toBe(
      "sources/create for source 'PostgreSQL - Ecommerce' failed with HTTP 502 Bad Gateway and may still have taken effect: an HTML page: 502 Bad Gateway",
    );
  });

  it('retries a create answered 429', async () => {
    api().post('/api/v1/sources/create', CREATE).reply(429, '', { 'Retry-After': '1' });
    api().post('/api/v1/sources/create', CREATE).reply(200, SOURCE);
    const { client, sleeps } = testClient();
    expect((await client.createSource(CREATE)).sourceId).toBe('s1');
    expect(sleeps).toEqual([1000]);
  });

  it('marks a create whose connection dropped as ambiguous, without retrying', async () => {
    api().post('/api/v1/connections/create').replyWithError(netError('ECONNRESET', 'socket hang up'));
    const { client } = testClient();
    const error = await failure(client.createConnection({ sourceId: 's', destinationId: 'd', status: 'active', name: 'pg → s3' }));
    expect(error.code).toBe('NETWORK');
    expect(error).toMatchObject({ ambiguous: true, meta: { call: 'connections/create' } });
    expect(error.message).toContain('may still have taken effect');
  });

  it('marks a sync that timed out as ambiguous', async () => {
    api().post('/api/v1/connections/sync').delay(2000).reply(200, jobInfoRead(1));
    const { client } = testClient({ timeoutMs: 20 });
    const error = await failure(client.syncConnection('c1'));
    expect(error.code).toBe('NETWORK');
    expect(error).toMatchObject({ ambiguous: true, meta: { call: 'connections/sync' } });
    expect(error.message).toBe(
      'connections/sync for connection c1: no answer from Airbyte at http://airbyte.test:8000/api/v1 within 20ms; it may still have taken effect',
    );
  });

  it('does not mark a rejected create (4xx) as ambiguous', async () => {
    api().post('/api/v1/sources/create').reply(422, { message: 'The provided configuration does not fulfill the specification.' });
    const { client } = testClient();
    expect((await failure(client.createSource(CREATE))).ambiguous).toBe(false);
  });
});

describe('idempotent writes retry like reads', () => {
  it('retries an update on 503', async () => {
    const update = { sourceId: 's1', name: 'PostgreSQL - Ecommerce', connectionConfiguration: {} };
    api().post('/api/v1/sources/update', update).reply(503, '');
    api().post('/api/v1/sources/update', update).reply(200, SOURCE);
    const { client, sleeps } = testClient();
    await client.updateSource(update);
    expect(sleeps).toHaveLength(1);
  });

  it('takes a 404 on a repeated delete as already gone', async () => {
    api().post('/api/v1/sources/delete', { sourceId: 's1' }).reply(503, '');
    api().post('/api/v1/sources/delete', { sourceId: 's1' }).reply(404, { errorId: 'e' });
    const { client } = testClient();
    await expect(client.deleteSource('s1')).resolves.toBeUndefined();
  });

  it('reports a 404 on the first delete attempt', async () => {
    api().post('/api/v1/connections/delete').reply(404, { errorId: 'e' });
    const { client } = testClient();
    expect((await failure(client.deleteConnection('c1'))).status).toBe(404);
  });

  it('resolves a 204 delete', async () => {
    api().post('/api/v1/destinations/delete', { destinationId: 'd1' }).reply(204);
    const { client } = testClient();
    await expect(client.deleteDestination('d1')).resolves.toBeUndefined();
  });
});

describe('the policy table', () => {
  it('never retries a non-idempotent call after it may have been processed', () => {
    for (const failureClass of ['unavailable', 'timeout', 'dropped', 'server-error'] as const) {
      expect(RETRY_RULES[failureClass].unsafe).toBe('ambiguous');
    }
    expect(RETRY_RULES['not-sent'].unsafe).toBe('retry');
    expect(RETRY_RULES['rate-limited'].unsafe).toBe('retry');
  });
});
