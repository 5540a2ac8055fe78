/** --rotate-secrets never writes an empty secret over the one Airbyte holds. */
import { describe, expect, it } from 'vitest';
import { rotatedSecrets } from '../../src/plan/diff/config.js';
import { Secret } from '../../src/secrets/secret.js';

describe('rotatedSecrets', () => {
  const remote = { password: '**********', token: '**********' };
  const secrets = [['password'], ['token']];

  it('rotates a set secret and skips an empty one', () => {
    const fields = rotatedSecrets({ password: new Secret(''), token: new Secret('new-token') }, remote, secrets);
    expect(fields.map((field) => field.path)).toEqual(['configuration.token']);
  });

  it('skips an empty plain string too', () => {
    expect(rotatedSecrets({ password: '', token: '' }, remote, secrets)).toEqual([]);
  });
});
