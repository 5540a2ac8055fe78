/**
 * The check at the boundary: an answer is data from outside, so its shape is checked where it enters, against the
 * schemas in `answer-schemas.ts`. The rest of the code can then trust its types, and a wrong-shaped 200 (a proxy,
 * the web app, another service at --url, an unsupported server version) is one clear error naming the call and
 * the first field that is wrong, never a TypeError deep inside plan or apply.
 */
import { GitopsError } from '../errors.js';
import { ANSWER_SCHEMAS } from './answer-schemas.js';
import { firstShapeError, type ShapeError } from './shape.js';
import type { CallContext } from './errors.js';
import type { Call } from './retry.js';

/** `/sources/3/sourceId` → `sources[3].sourceId`; the root is "the answer". */
function fieldPath(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments.length === 0) return 'the answer';
  return segments.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function valueAt(answer: unknown, pointer: string): unknown {
  let current = answer;
  for (const segment of pointer.split('/').slice(1))
    current = (current as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  return current;
}

/** What a wrong value is, in words: `null`, `a string`, `an array`, … */
function describe(value: unknown): string {
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** One phrase for the first thing wrong, e.g. `sources[3].sourceId is missing`. */
function problem(error: ShapeError, answer: unknown): string {
  const where = error.instancePath;
  const value = valueAt(answer, where);
  switch (error.keyword) {
    case 'required': {
      const missing = error.params.missingProperty ?? '';
      return `${fieldPath(`${where}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`)} is missing`;
    }
    case 'type':
      return `${fieldPath(where)} is ${describe(value)}, expected ${article(String(error.params.type))}`;
    case 'enum':
      return `${fieldPath(where)} is ${JSON.stringify(value)}, expected one of ${(error.params.allowedValues ?? []).join(', ')}`;
    case 'minLength':
      return `${fieldPath(where)} is an empty string`;
    case 'minimum':
      return `${fieldPath(where)} is ${JSON.stringify(value)}, expected at least ${error.params.limit}`;
    default:
      return `${fieldPath(where)} is not valid`;
  }
}

/**
 * Throws API_ERROR when a success answer does not have the shape the product relies on. `ambiguous` is true for
 * calls that are not idempotent: the server said it succeeded, so a create may have happened even though its
 * answer is unreadable, and apply must look before sending it again.
 */
export function checkAnswer(context: CallContext, status: number, answer: unknown, ambiguous: boolean): void {
  const schema = ANSWER_SCHEMAS[context.call as Call];
  if (schema === undefined) return;
  const first = firstShapeError(schema, answer);
  if (first === undefined) return;
  const what = problem(first, answer);
  const subject = context.resource === undefined ? context.call : `${context.call} for ${context.resource}`;
  throw new GitopsError('API_ERROR', `${subject} answered ${status} with an unexpected shape: ${what} — is --url pointing at the Airbyte Config API?`, {
    meta: { call: context.call, resource: context.resource },
    status,
    ambiguous,
    hint:
      `--url / AIRBYTE_URL is ${context.baseUrl}; it should be the Config API root, e.g. http://localhost:8000/api/v1. ` +
      (ambiguous ? 'The call may have taken effect: re-running plan shows what exists. ' : '') +
      'If it is, this Airbyte version answers differently from the versions this tool knows: please report the message.',
  });
}
