/**
 * A certificate the client does not trust is named ("the server's TLS certificate … is self-signed"), not retried,
 * and the hint says how to trust a private one (NODE_EXTRA_CA_CERTS). Against a real loopback https server with a
 * certificate made by openssl at test time; where openssl is missing, the same path is built from an injected error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, failure, testClient, useNock, netError } from './helpers.js';

useNock();

/** A self-signed certificate for 127.0.0.1, or undefined when openssl is not installed. */
function selfSigned(dir: string): { key: Buffer; cert: Buffer } | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore', input: '' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

describe('a self-signed certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airbyte-gitops-tls-'));
  let server: Server | undefined;
  let url = '';
  let requests = 0;

  beforeAll(async () => {
    const pair = selfSigned(dir);
    if (pair === undefined) {
      if (process.env.CI === 'true') throw new Error('openssl is required for the TLS test under CI');
      console.warn('openssl not found: the TLS test uses an injected certificate error instead of a real server');
      return;
    }
    server = createServer(pair, (_request, response) => {
      requests++;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('is named, not retried, and the hint says NODE_EXTRA_CA_CERTS', async () => {
    if (server === undefined) {
      url = 'https://airbyte.test:8443/api/v1';
      nock('https://airbyte.test:8443').post('/api/v1/sources/get').replyWithError(netError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'));
    } else {
      nock.enableNetConnect('127.0.0.1');
    }
    const { client, sleeps } = testClient({ baseUrl: url });
    const error = await failure(client.getSource('s1'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`sources/get for source s1: the server's TLS certificate at ${url} is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)`);
    expect(error.hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(error.hint).not.toContain('is Airbyte running there');
    expect(sleeps).toEqual([]);
    expect(client.stats().calls).toBe(1);
    expect(requests).toBe(0);
  });
});

describe('other certificate problems', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'does not name this host'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'cannot be verified'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'is signed by a certificate authority that is not trusted'],
  ])('%s: %s, not retried', async (code, phrase) => {
    api().post('/api/v1/connections/list').replyWithError(netError(code, code));
    const { client, sleeps } = testClient();
    const error = await failure(client.listConnections('w'));
    expect(error.message).toContain(`the server's TLS certificate at http://airbyte.test:8000/api/v1 ${phrase}`);
    expect(error.message).toContain(`(${code})`);
    expect(sleeps).toEqual([]);
  });
});
