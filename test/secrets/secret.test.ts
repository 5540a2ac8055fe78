import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/api/types.js';
import { hideSecrets, mapSecrets, revealSecrets, sealSecrets, secretsIn } from '../../src/secrets/seal.js';
import { SENSITIVE, Secret } from '../../src/secrets/secret.js';

const VALUE = 'pw-Hunter2-secret';

describe('a Secret prints as (sensitive) whichever way it is printed', () => {
  const secret = new Secret(VALUE);

  it.each<[string, () => string]>([
    ['JSON.stringify', () => JSON.stringify({ password: secret })],
    ['String()', () => String(secret)],
    ['a template literal', () => `password=${secret}`],
    ['concatenation', () => 'password=' + (secret as unknown as string)],
    ['util.inspect', () => inspect({ nested: { password: secret } }, { depth: null })],
    ['util.format %s / %o / %j (what console.log uses)', () => format('%s %o %j %O', secret, { secret }, { secret }, secret)],
    ['an Error message', () => new Error(`failed with ${secret}`).message],
  ])('%s', (_, print) => {
    const printed = print();
    expect(printed).toContain(SENSITIVE);
    expect(printed).not.toContain(VALUE);
  });

  it('spreading or listing its properties gives nothing of the value', () => {
    const spread = { ...secret };
    expect(JSON.stringify(spread)).toBe('{}');
    expect(inspect(spread)).not.toContain(VALUE);
    expect(Object.values(secret).map(String).join()).not.toContain(VALUE);
    expect(Object.keys(secret)).toEqual(['sealed']);
  });

  it('structuredClone refuses it, rather than copying it as an empty value apply would send', () => {
    expect(() => structuredClone({ password: secret })).toThrow(/could not be cloned/);
  });

  it('reveal() is the one way to the value', () => {
    expect(secret.reveal()).toBe(VALUE);
    expect(new Secret({ key: 'k', n: 1 }).reveal()).toEqual({ key: 'k', n: 1 });
  });
});

describe('sealing and revealing a configuration', () => {
  const secrets = [['password'], ['tunnel', 'ssh_key'], ['accounts', '[]', 'token']];
  const config: JsonObject = {
    host: 'h',
    password: VALUE,
    tunnel: { ssh_key: 'ssh-Key-1234', port: 22 },
    accounts: [{ token: 'tok-1234', label: 'a' }, { label: 'no token' }],
    unset: null,
  };

  it('wraps exactly the values at secret paths, inside option groups and array items; null stays null', () => {
    const sealed = sealSecrets({ ...config, password: null }, secrets);
    expect(sealed['password']).toBeNull();
    const full = sealSecrets(config, secrets);
    expect(secretsIn(full).map((secret) => secret.reveal())).toEqual([VALUE, 'ssh-Key-1234', 'tok-1234']);
    expect(hideSecrets(full)).toEqual({
      host: 'h',
      password: SENSITIVE,
      tunnel: { ssh_key: SENSITIVE, port: 22 },
      accounts: [{ token: SENSITIVE, label: 'a' }, { label: 'no token' }],
      unset: null,
    });
  });

  it('reveals back to the original, does not change its input, and sealing twice is harmless', () => {
    const sealed = sealSecrets(config, secrets);
    expect(revealSecrets(sealed)).toEqual(config);
    expect(revealSecrets(sealSecrets(sealed, secrets))).toEqual(config);
    expect(config['password']).toBe(VALUE);
    expect(JSON.stringify(sealed)).not.toMatch(/Hunter2|ssh-Key|tok-1234/);
  });

  it('mapSecrets passes each concrete path', () => {
    const paths: string[] = [];
    mapSecrets(sealSecrets(config, secrets), (secret, path) => {
      paths.push(path.join('.'));
      return secret;
    });
    expect(paths).toEqual(['password', 'tunnel.ssh_key', 'accounts.0.token']);
  });
});
