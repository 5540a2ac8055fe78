/** How the `airbyte_secret` mark is read: masked by its presence, copied back on update only where it reads as true. */
import { describe, expect, test } from 'vitest';
import { SECRET_MASK, type Json, type JsonObject } from '../../src/api/types.js';
import { copySecrets } from '../../src/emulator/config.js';
import { unsendableMasks } from '../../src/plan/diff/preserve.js';
import { markReadsAsTrue, maskOnlyPaths, maskSecrets, secretPaths } from '../../src/secrets/paths.js';

const spec: JsonObject = {
  type: 'object',
  properties: {
    token: { type: 'string', airbyte_secret: true },
    text_true: { type: 'string', airbyte_secret: 'true' },
    tenant: { type: 'string', airbyte_secret: false },
    text_false: { type: 'string', airbyte_secret: 'false' },
    plain: { type: 'string' },
    credentials: {
      type: 'object',
      oneOf: [
        { properties: { kind: { const: 'role' }, role_arn: { type: 'string', airbyte_secret: false } } },
        { properties: { kind: { const: 'key' }, secret_key: { type: 'string', airbyte_secret: true } } },
      ],
    },
  },
};

describe('the airbyte_secret mark', () => {
  test('every node with the key is a secret path, whatever its value', () => {
    expect(secretPaths(spec)).toEqual([['token'], ['text_true'], ['tenant'], ['text_false'], ['credentials', 'role_arn'], ['credentials', 'secret_key']]);
  });

  test('the paths the server does not copy back are those whose mark does not read as true', () => {
    expect(maskOnlyPaths(spec)).toEqual([['tenant'], ['text_false'], ['credentials', 'role_arn']]);
  });

  test.each<[Json | undefined, boolean]>([
    [true, true],
    ['true', true],
    [' true ', true],
    ['TRUE', false],
    ['yes', false],
    [false, false],
    ['false', false],
    [1, true],
    [0, false],
    [null, false],
    [undefined, false],
    [{}, false],
  ])('%j reads as %s (Jackson asBoolean)', (mark, expected) => {
    expect(markReadsAsTrue(mark)).toBe(expected);
  });

  test('a read masks every marked value present', () => {
    const stored = { token: 't', text_true: 'k', tenant: 'acme', text_false: 'x', plain: 'p', credentials: { kind: 'role', role_arn: 'arn' } };
    expect(maskSecrets(stored, secretPaths(spec))).toEqual({
      token: SECRET_MASK,
      text_true: SECRET_MASK,
      tenant: SECRET_MASK,
      text_false: SECRET_MASK,
      plain: 'p',
      credentials: { kind: 'role', role_arn: SECRET_MASK },
    });
  });

  test('the emulator copies a sent mask back only where the mark reads as true', () => {
    const stored = { token: 't', text_true: 'k', tenant: 'acme', text_false: 'x', credentials: { kind: 'role', role_arn: 'arn' } };
    const sent = {
      token: SECRET_MASK,
      text_true: SECRET_MASK,
      tenant: SECRET_MASK,
      text_false: SECRET_MASK,
      credentials: { kind: 'role', role_arn: SECRET_MASK },
    };
    expect(copySecrets(stored, sent, spec)).toEqual({
      token: 't',
      text_true: 'k',
      tenant: SECRET_MASK,
      text_false: SECRET_MASK,
      credentials: { kind: 'role', role_arn: SECRET_MASK },
    });
  });

  test('an update may not send back the masks of mask-only fields, nested ones included', () => {
    const preserved = { tenant: SECRET_MASK, token: SECRET_MASK, text_false: 'shown by an older server', credentials: { kind: 'role', role_arn: SECRET_MASK } };
    expect(unsendableMasks(preserved, maskOnlyPaths(spec))).toEqual([['tenant'], ['credentials', 'role_arn']]);
    expect(unsendableMasks({ token: SECRET_MASK, plain: 'p' }, maskOnlyPaths(spec))).toEqual([]);
  });
});
