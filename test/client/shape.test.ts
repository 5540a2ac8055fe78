/**
 * The answer checker is a small hand-written subset of JSON Schema. It must agree with Ajv on every answer schema:
 * the same verdict, and the same first error, for valid answers and for answers broken in each way.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ANSWER_SCHEMAS } from '../../src/client/answer-schemas.js';
import { firstShapeError, type Schema } from '../../src/client/shape.js';

/** A value that fits the schema, built from it. */
function sample(schema: Schema): unknown {
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  switch (schema['type']) {
    case 'object': {
      const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
      return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, sample(property)]));
    }
    case 'array':
      return schema['items'] === undefined ? [] : [sample(schema['items'] as Schema), sample(schema['items'] as Schema)];
    case 'string':
      return 'x';
    case 'integer':
      return 3;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** Every way of breaking one value of the sample: removed, replaced by each wrong type, emptied. */
function broken(value: unknown): unknown[] {
  const variants: unknown[] = [null, 'text', '', 0, -1, 2.5, true, [], {}, [1, 'a'], undefined];
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown) => {
    for (const variant of variants) out.push(replace(variant));
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, (next) => replace(node.map((old, j) => (j === i ? next : old)))));
    else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        visit((node as Record<string, unknown>)[key], (next) => {
          const copy = { ...(node as Record<string, unknown>) };
          if (next === undefined) delete copy[key];
          else copy[key] = next;
          return replace(copy);
        });
      }
    }
  };
  visit(value, (next) => next);
  return out;
}

const ajv = new Ajv({ allErrors: false });

describe('the answer checker agrees with Ajv', () => {
  for (const [call, schema] of Object.entries(ANSWER_SCHEMAS)) {
    it(call, () => {
      const validate = ajv.compile(schema as Schema);
      const answers = [sample(schema as Schema), ...broken(sample(schema as Schema))];
      for (const answer of answers) {
        const mine = firstShapeError(schema as Schema, answer);
        const theirs = validate(answer) ? undefined : validate.errors?.[0];
        expect(mine === undefined, JSON.stringify(answer)).toBe(theirs === undefined);
        if (mine !== undefined && theirs !== undefined) {
          expect({ keyword: mine.keyword, instancePath: mine.instancePath }, JSON.stringify(answer)).toEqual({
            keyword: theirs.keyword,
            instancePath: theirs.instancePath,
          });
        }
      }
    });
  }

  it('refuses a schema with a keyword it does not know, rather than ignore it', () => {
    expect(firstShapeError({ type: 'object', additionalProperties: false }, {})).toEqual({
      keyword: 'schema',
      instancePath: '',
      params: { keyword: 'additionalProperties' },
    });
  });
});
