import { describe, expect, it } from 'vitest';
import { api, failure, testClient, useNock } from './helpers.js';

useNock();

const RESOURCE = "source 'PostgreSQL - Ecommerce'";

describe('every error body shape becomes one short line naming the call and the resource', () => {
  it.each([
    {
      shape: '{message} with a stack (v1.6)',
      status: 404,
      body: {
        exceptionClassName: 'io.airbyte.commons.server.errors.IdNotFoundKnownException',
        message: 'Internal Server Error: Could not find configuration for SOURCE_CONNECTION: s1.\nCaused by: more',
        exceptionStack: ['at io.airbyte.Secret.frame(Foo.java:1)'],
      },
      expected: `sources/get for ${RESOURCE} failed with HTTP 404 Not Found: Internal Server Error: Could not find configuration for SOURCE_CONNECTION: s1.`,
      errorId: undefined,
    },
    {
      shape: '{errorId} only (v2.0+)',
      status: 404,
      body: { errorId: '3f1c0c1e-0000-4000-8000-000000000000' },
      expected: `sources/get for ${RESOURCE} failed with HTTP 404 Not Found: the server gave no details; error id 3f1c0c1e-0000-4000-8000-000000000000`,
      errorId: '3f1c0c1e-0000-4000-8000-000000000000',
    },
    {
      shape: 'problem JSON',
      status: 400,
      body: { status: 400, type: 'error:cron-validation/invalid-expression', title: 'Invalid cron expression', detail: 'The cron expression is not valid.' },
      expected: `sources/get for ${RESOURCE} failed with HTTP 400 Bad Request: Invalid cron expression: The cron expression is not valid.`,
      errorId: undefined,
    },
    {
      shape: 'an empty body',
      status: 500,
      body: '',
      expected: `sources/get for ${RESOURCE} failed with HTTP 500 Internal Server Error: an empty response`,
      errorId: undefined,
    },
    {
      shape: 'plain text',
      status: 409,
      body: 'A sync is already running for: c1\nsecond line',
      expected: `sources/get for ${RESOURCE} failed with HTTP 409 Conflict: A sync is already running for: c1`,
      errorId: undefined,
    },
  ])('$shape', async ({ status, body, expected, errorId }) => {
    api().post('/api/v1/sources/get').reply(status, body);
    const { client } = testClient();
    const error = await failure(client.getSource('s1', RESOURCE));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toBe(expected);
    expect(error).toMatchObject({ status, meta: { call: 'sources/get', resource: RESOURCE, errorId } });
    expect(error.message).not.toContain('Foo.java');
  });

  it('caps a very long message', async () => {
    api()
      .post('/api/v1/sources/get')
      .reply(422, { message: `bad ${'x'.repeat(5000)}` });
    const { client } = testClient();
    const error = await failure(client.getSource('s1'));
    expect(String(error.meta.serverMessage).length).toBeLessThanOrEqual(300);
    expect(error.message.length).toBeLessThan(400);
  });

  it('says so when a success answer is HTML, as when the URL points at the web app', async () => {
    api().post('/api/v1/sources/get').reply(200, '<!doctype html><html><title>Airbyte</title></html>');
    const { client } = testClient();
    const error = await failure(client.getSource('s1'));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toContain('answered HTTP 200 with an HTML page');
    expect(error.hint).toContain('/api/v1');
  });
});

describe('an HTML error page says where the API is', () => {
  it.each([
    [404, '<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>', 'an HTML page: 404 Not Found'],
    [501, '<!DOCTYPE html><html><h1>Not Implemented</h1></html>', 'an HTML page: Not Implemented'],
    [405, '<html><title>405 Not Allowed</title></html>', 'an HTML page: 405 Not Allowed'],
  ])('HTTP %i', async (status, body, described) => {
    api().post('/api/v1/sources/get').reply(status, body);
    const { client } = testClient();
    const error = await failure(client.getSource('s1'));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toContain(described);
    expect(error.hint).toBe('point --url or AIRBYTE_URL at the Airbyte Config API, e.g. http://localhost:8000/api/v1.');
  });

  it('not for a JSON 404 from the API itself, nor for a proxy page on 503', async () => {
    api().post('/api/v1/sources/get').reply(404, { errorId: 'e' });
    api().post('/api/v1/sources/get').times(4).reply(503, '<html><title>503 Service Unavailable</title></html>');
    const { client } = testClient();
    expect((await failure(client.getSource('s1'))).hint).toBeUndefined();
    expect((await failure(client.getSource('s1'))).hint).toBeUndefined();
  });
});

describe('401 and 403 say how to authenticate', () => {
  it('an HTML 401 from the old proxy, without auth configured', async () => {
    api().post('/api/v1/workspaces/get').reply(401, '<html><head><title>401 Authorization Required</title></head><body>nginx</body></html>');
    const { client } = testClient();
    const error = await failure(client.getWorkspace('w1'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe(
      'workspaces/get for workspace w1 was not authenticated (HTTP 401 Unauthorized, using no authentication): an HTML page: 401 Authorization Required',
    );
    expect(error.hint).toContain('AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET');
    expect(error.hint).toContain('abctl local credentials');
    expect(error.hint).toContain('AIRBYTE_USERNAME and AIRBYTE_PASSWORD');
  });

  it('a 401 with basic auth points at client credentials for newer Airbyte', async () => {
    api()
      .get('/api/v1/health')
      .matchHeader('authorization', `Basic ${Buffer.from('airbyte:pw-123').toString('base64')}`)
      .reply(401, '');
    const { client } = testClient({ auth: { mode: 'basic', username: 'airbyte', password: 'pw-123' } });
    const error = await failure(client.health());
    expect(error.message).toContain('using basic auth (AIRBYTE_USERNAME)');
    expect(error.hint).toContain('Airbyte 0.64 and later');
  });

  it('a 403 with a bearer token says access may be missing', async () => {
    api().post('/api/v1/connections/get').reply(403, { message: 'User does not have the required permissions' });
    const { client } = testClient({ auth: { mode: 'bearer', token: 'tok-abc' } });
    const error = await failure(client.getConnection('c1'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('was forbidden');
    expect(error.message).toContain('User does not have the required permissions');
    expect(error.hint).toContain('AIRBYTE_TOKEN');
  });
});
