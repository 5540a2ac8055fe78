import { describe, expect, test } from 'vitest';
import type { Json, JsonObject } from '../../src/api/types.js';
import { coerceString, coerceWholeVars } from '../../src/plan/checks/coerce.js';
import type { ValueOrigin } from '../../src/model/desired.js';
import { postgresSpec, s3Spec } from './fixtures.js';

const at = (line: number, wholeVar = true): ValueOrigin => ({ loc: { file: 'p.yaml', line, col: 7 }, wholeVar, template: '${X}' });

describe('coerceString', () => {
  test.each<[string, string[], Json | undefined]>([
    ['5432', ['integer'], 5432],
    [' 5432 ', ['integer'], 5432],
    ['-3', ['integer'], -3],
    ['54x', ['integer'], undefined],
    ['1.5', ['integer'], undefined],
    ['99999999999999999999', ['integer'], undefined],
    ['1.5', ['number'], 1.5],
    ['2e3', ['number'], 2000],
    ['7', ['number'], 7],
    ['abc', ['number'], undefined],
    ['true', ['boolean'], true],
    ['FALSE', ['boolean'], false],
    ['False', ['boolean'], false],
    ['yes', ['boolean'], undefined],
    ['1', ['boolean'], undefined],
    ['5432', ['string'], undefined],
    ['5432', ['string', 'integer'], undefined],
    ['5432', ['null', 'integer'], 5432],
    ['5432', [], undefined],
    ['["a"]', ['array'], undefined],
    ['{}', ['object'], undefined],
  ])('%j as %j → %j', (text, types, expected) => {
    expect(coerceString(text, types)).toEqual(expected);
  });
});

describe('coerceWholeVars', () => {
  const pg = postgresSpec.connectionSpecification;

  test.each<[string, JsonObject, Record<string, ValueOrigin>, JsonObject, JsonObject]>([
    ['integer at top level', { port: '5432' }, { port: at(5) }, pg, { port: 5432 }],
    ['number', { sample_ratio: '0.25' }, { sample_ratio: at(5) }, pg, { sample_ratio: 0.25 }],
    ['boolean', { debug: 'true' }, { debug: at(5) }, pg, { debug: true }],
    ['string stays a string', { host: '5432' }, { host: at(5) }, pg, { host: '5432' }],
    ['not a whole ${VAR}: left alone', { port: '5432' }, { port: at(5, false) }, pg, { port: '5432' }],
    ['non-coercible stays a string', { port: 'five' }, { port: at(5) }, pg, { port: 'five' }],
    ['array item typed string', { schemas: ['1'] }, { 'schemas.0': at(5) }, pg, { schemas: ['1'] }],
    ['path not in the spec', { portt: '1' }, { portt: at(5) }, pg, { portt: '1' }],
    [
      'inside the chosen oneOf branch',
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_port: '2222' } },
      { 'tunnel_method.tunnel_port': at(6) },
      pg,
      { tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_port: 2222 } },
    ],
    [
      'branch by one-value enum, nested twice',
      { format: { format_type: 'Avro', compression_codec: { codec: 'Deflate', compression_level: '5' } } },
      { 'format.compression_codec.compression_level': at(7) },
      s3Spec.connectionSpecification,
      { format: { format_type: 'Avro', compression_codec: { codec: 'Deflate', compression_level: 5 } } },
    ],
    [
      'boolean in the Parquet branch',
      { format: { format_type: 'Parquet', dictionary_encoding: 'false', block_size_mb: '64' } },
      { 'format.dictionary_encoding': at(7), 'format.block_size_mb': at(8) },
      s3Spec.connectionSpecification,
      { format: { format_type: 'Parquet', dictionary_encoding: false, block_size_mb: 64 } },
    ],
    [
      'no discriminator value: branches agree on the type',
      { tunnel_method: { tunnel_port: '22' } },
      { 'tunnel_method.tunnel_port': at(6) },
      pg,
      { tunnel_method: { tunnel_port: 22 } },
    ],
    [
      'key only in another branch: left alone',
      { format: { format_type: 'CSV', block_size_mb: '64' } },
      { 'format.block_size_mb': at(7) },
      s3Spec.connectionSpecification,
      { format: { format_type: 'CSV', block_size_mb: '64' } },
    ],
  ])('%s', (_name, configuration, origins, spec, expected) => {
    const before = structuredClone(configuration);
    expect(coerceWholeVars(configuration, origins, spec)).toEqual(expected);
    expect(configuration).toEqual(before);
  });
});
