import { describe, expect, it } from 'vitest';
import { request, startTestEmulator } from './helpers.js';

const MISSING = '9b1d4c57-2a3f-4d0e-8a11-3c5e7f9a0b2d';

describe('error bodies, flavor current (v2.x)', () => {
  it('404 is only {errorId}', async () => {
    const t = await startTestEmulator();
    const answer = await t.call('sources/get', { sourceId: MISSING });
    expect(answer.status).toBe(404);
    expect(Object.keys(answer.body)).toEqual(['errorId']);
  });

  it('a missing required field is 400 {errorId}; malformed JSON is 422 {errorId}', async () => {
    const t = await startTestEmulator();
    const missing = await t.call('connections/create', { status: 'active' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body)).toEqual(['errorId']);
    const malformed = await request(`${t.url}/sources/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"workspaceId":' });
    expect(malformed.status).toBe(422);
    expect(Object.keys(malformed.body)).toEqual(['errorId']);
  });

  it('a spec violation is 422 with message and exceptionClassName', async () => {
    const t = await startTestEmulator();
    const answer = await t.call('sources/create', {
      sourceDefinitionId: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
      workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
      name: 'x',
      connectionConfiguration: {},
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      message: expect.stringContaining('does not fulfill the specification'),
      exceptionClassName: expect.stringContaining('BadObjectSchemaKnownException'),
    });
  });

  it('an unknown endpoint is 404', async () => {
    const t = await startTestEmulator();
    expect((await t.call('sources/teleport', {})).status).toBe(404);
  });
});

describe('error bodies, flavor 1.6', () => {
  it('404 names the exception and the missing configuration', async () => {
    const t = await startTestEmulator({ flavor: '1.6' });
    const answer = await t.call('connections/get', { connectionId: MISSING });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      exceptionClassName: 'io.airbyte.commons.server.errors.IdNotFoundKnownException',
      message: `Internal Server Error: Could not find configuration for STANDARD_SYNC: ${MISSING}.`,
    });
  });

  it('400, malformed JSON and 500 are KnownExceptionInfo {message, exceptionClassName}', async () => {
    const t = await startTestEmulator({ flavor: '1.6' });
    const missing = await t.call('sources/get', {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body).sort()).toEqual(['exceptionClassName', 'message']);
    const malformed = await request(`${t.url}/sources/get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/JSON/);
    const empty = await t.call('jobs/list', { configTypes: [] });
    expect(empty.status).toBe(500);
    expect(empty.body.message).toMatch(/^Internal Server Error: /);
  });
});
