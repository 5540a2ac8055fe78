/**
 * The Authorization header for each auth mode, and the short-lived token behind client credentials. Application
 * tokens can live minutes (or seconds in tests), so a long apply renews them at half their lifetime, and once more
 * on a 401 in case the server revoked one early. Concurrent calls share one token request.
 */
import type { AccessTokenResponse, AuthConfig } from './types.js';

/** Lifetime assumed when neither `expires_in` nor a JWT `exp` says (the web-login token lasts 180 s). */
export const DEFAULT_TOKEN_LIFETIME_MS = 180_000;

/** Lifetime of a token in ms: `expires_in`, else the JWT `exp` claim, else the default. */
export function tokenLifetimeMs(response: AccessTokenResponse, nowMs: number): number {
  if (typeof response.expires_in === 'number' && response.expires_in > 0) return response.expires_in * 1000;
  const exp = jwtExpiry(response.access_token);
  if (exp !== undefined && exp * 1000 > nowMs) return exp * 1000 - nowMs;
  return DEFAULT_TOKEN_LIFETIME_MS;
}

/** The `exp` claim (epoch seconds) of a JWT, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = claims !== null && typeof claims === 'object' ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

/** Hands out a valid client-credentials token, renewing it at half its lifetime. */
export class TokenSource {
  private current: { token: string; renewAtMs: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly requestToken: () => Promise<AccessTokenResponse>,
    private readonly now: () => number,
  ) {}

  /** A token that is not yet half-way to expiry; at most one token request is in flight at a time. */
  async token(): Promise<string> {
    if (this.current !== undefined && this.now() < this.current.renewAtMs) return this.current.token;
    this.pending ??= this.renew().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `token` after a 401, unless a newer one already replaced it (so parallel 401s renew only once). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async renew(): Promise<string> {
    const issuedAt = this.now();
    const response = await this.requestToken();
    this.current = { token: response.access_token, renewAtMs: issuedAt + tokenLifetimeMs(response, issuedAt) / 2 };
    return response.access_token;
  }
}

/** Authorization header value for the static modes; client credentials go through a TokenSource. */
export function staticAuthorization(auth: AuthConfig): string | undefined {
  switch (auth.mode) {
    case 'basic':
      return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    case 'bearer':
      return `Bearer ${auth.token}`;
    case 'none':
    case 'client-credentials':
      return undefined;
  }
}

/** The values that must never appear in a log line or an error message. */
export function authSecrets(auth: AuthConfig): string[] {
  switch (auth.mode) {
    case 'basic':
      return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
    case 'bearer':
      return [auth.token];
    case 'client-credentials':
      return [auth.clientSecret];
    case 'none':
      return [];
  }
}
