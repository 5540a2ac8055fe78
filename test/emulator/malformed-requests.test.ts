/**
 * Requests a client library would never send, made with node:http and a raw path (fetch normalises paths): the
 * emulator answers each and keeps serving.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestEmulator } from './helpers.js';

function rawRequest(origin: string, method: string, path: string, body = ''): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, method, path, headers: { 'content-type': 'application/json' } }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('malformed requests', () => {
  it('a request target that is not a path (//%%%) is a 400, and the emulator keeps serving', async () => {
    const t = await startTestEmulator();
    const answer = await rawRequest(t.origin, 'GET', '//%%%');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('not a valid path');
    expect((await rawRequest(t.origin, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a call named %s is an unknown endpoint (404)', async (name) => {
    const t = await startTestEmulator();
    const answer = await rawRequest(t.origin, 'POST', `/api/v1/${name}`, '{}');
    expect(answer.status).toBe(404);
    expect((await t.call('source_definitions/list')).status).toBe(200);
  });
});
