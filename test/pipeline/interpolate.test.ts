import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/pipeline/interpolate.js';

const env = { HOST: 'db.internal', PORT: '5432', EMPTY: '' };

describe('interpolate', () => {
  it.each([
    ['plain text', 'plain text', false, []],
    ['${HOST}', 'db.internal', true, ['HOST']],
    ['${PORT}', '5432', true, ['PORT']],
    ['${MISSING:-fallback}', 'fallback', true, ['MISSING']],
    ['${EMPTY:-fallback}', 'fallback', true, ['EMPTY']],
    ['${MISSING:-}', '', true, ['MISSING']],
    ['pg-${HOST}:${PORT}', 'pg-db.internal:5432', false, ['HOST', 'PORT']],
    ['$${HOST} costs $5', '${HOST} costs $5', false, []],
    ['${HOST}${PORT}', 'db.internal5432', false, ['HOST', 'PORT']],
  ])('%s → %s', (text, value, wholeVar, vars) => {
    const result = interpolate(text, env);
    expect(result).toMatchObject({ value, wholeVar, vars, errors: [] });
  });

  it('refuses an empty variable without a default, like an unset one (a CI secret that was never set is "")', () => {
    const result = interpolate('${EMPTY}', env);
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual(["EMPTY is empty or unset (an empty environment variable): set it, or write '${EMPTY:-}' to allow an empty value"]);
  });

  it('keeps an empty value the pipeline asks for with a default', () => {
    expect(interpolate('${EMPTY:-}', env)).toMatchObject({ value: '', errors: [] });
  });

  it('names a missing variable and yields no value', () => {
    const result = interpolate('x-${NOPE}', env);
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual(["environment variable 'NOPE' is not set: set it, or give a default with '${NOPE:-default}'"]);
  });

  it.each([['${}'], ['${A-B}'], ['${9X}']])('rejects the malformed reference %s', (text) => {
    expect(interpolate(text, env).errors[0]).toMatch(/^invalid variable reference/);
  });

  it('rejects an unterminated reference', () => {
    expect(interpolate('${HOST', env).errors[0]).toMatch(/^unterminated/);
  });
});
