/**
 * Authentication in front of /api/v1, in the three ways real deployments do it: none (abctl with auth off),
 * basic (the old nginx proxy, whose 401 is an HTML page) and client credentials (applications/token returns a
 * short-lived HS256 JWT; a missing, forged or expired bearer token is a 401 with an empty body).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { JsonObject } from '../api/types.js';
import { requiredString } from './request.js';
import type { AuthOptions, Reply } from './types.js';

/** A refusal: status, headers and a raw body, since the proxy's 401 is not JSON. */
export interface AuthFailure {
  status: 401;
  headers: Record<string, string>;
  text: string;
}

const PROXY_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

function sameText(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Issues and checks tokens for one emulator; the signing key lives only in memory. */
export class Authenticator {
  private readonly key = randomBytes(32);

  constructor(readonly options: AuthOptions) {}

  /** undefined when the request may proceed. */
  check(request: IncomingMessage): AuthFailure | undefined {
    const header = request.headers.authorization ?? '';
    if (this.options.mode === 'none') return undefined;
    if (this.options.mode === 'basic') {
      const expected = `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`;
      if (sameText(header, expected)) return undefined;
      return { status: 401, headers: { 'content-type': 'text/html', 'www-authenticate': 'Basic realm="Airbyte"' }, text: PROXY_401 };
    }
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    return this.validToken(token) ? undefined : { status: 401, headers: {}, text: '' };
  }

  /** applications/token: `{client_id, client_secret}` → `{access_token}` (a JWT whose `exp` tells its lifetime). */
  issue(body: JsonObject): Reply | AuthFailure {
    const clientId = requiredString(body, 'client_id');
    const clientSecret = requiredString(body, 'client_secret');
    const ttlSeconds = this.options.mode === 'client-credentials' ? this.options.tokenTtlSeconds : 900;
    if (this.options.mode === 'client-credentials' && !(sameText(clientId, this.options.clientId) && sameText(clientSecret, this.options.clientSecret))) {
      return { status: 401, headers: {}, text: '' };
    }
    const issuedAt = Date.now() / 1000;
    // Rounding up keeps a token valid for at least its whole lifetime.
    const claims = { iss: 'airbyte-emulator', sub: clientId, iat: Math.floor(issuedAt), exp: Math.ceil(issuedAt + ttlSeconds), jti: randomUUID() };
    return { status: 200, body: { access_token: this.sign(claims) } };
  }

  private sign(claims: Record<string, string | number>): string {
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    return `${unsigned}.${createHmac('sha256', this.key).update(unsigned).digest('base64url')}`;
  }

  private validToken(token: string): boolean {
    const [header, payload, signature] = token.split('.');
    if (header === undefined || payload === undefined || signature === undefined) return false;
    const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
    if (!sameText(signature, expected)) return false;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
      return typeof claims.exp === 'number' && Date.now() < claims.exp * 1000;
    } catch {
      return false;
    }
  }
}
