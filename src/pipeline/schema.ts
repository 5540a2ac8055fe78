/**
 * Checks one parsed file against schemas/pipeline.schema.json (the source of truth for the format) and turns ajv's
 * errors into problems at the YAML location, in words a user understands.
 */
import type { ErrorObject } from 'ajv';
import type { SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { codePointName, printable } from '../util/printable.js';
import { didYouMean } from '../util/suggest.js';
import { subject, where } from './describe.js';
import { validatePipeline } from './generated/pipeline-schema-validate.js';
import { childPointer, type LocatedDocument } from './parse.js';

/**
 * Where the JSON Schema lives: beside dist/ and src/ alike (the package ships schemas/). The validator is compiled
 * from it ahead of time (`npm run generate`, into generated/), so checking a file does not load Ajv's compiler.
 */
export const SCHEMA_URL = new URL('../../schemas/pipeline.schema.json', import.meta.url);

/** Schedules and customformat namespaces get hand-written checks (schedule.ts, build.ts): oneOf/if errors are noise. */
const HANDLED_ELSEWHERE = /^\/connections\/\d+\/schedule(\/|$)/;

function relevant(error: ErrorObject): boolean {
  if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') return false;
  if (error.schemaPath.includes('/then/')) return false;
  return !HANDLED_ELSEWHERE.test(error.instancePath);
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name) => TYPE_WORDS[String(name)] ?? String(name)).join(' or ');
}

function knownKeys(error: ErrorObject): string[] {
  const properties = error.parentSchema?.['properties'] as Record<string, unknown> | undefined;
  return Object.keys(properties ?? {});
}

/** What kind of character a name may not hold, in words. */
function characterKind(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'a control character';
  if (code === 0x2028 || code === 0x2029) return 'a line separator';
  return 'an invisible bidi control character';
}

/** Names carry a pattern that refuses some characters: say which one, by code point, instead of the regex. */
function patternMessage(error: ErrorObject, it: string): string {
  const pattern = new RegExp(String((error.params as Record<string, unknown>)['pattern']), 'u');
  const text = typeof error.data === 'string' ? error.data : '';
  const refused = [...text].find((ch) => !pattern.test(ch));
  if (refused === undefined) return `${it} is invalid: ${error.message ?? 'pattern'}`;
  return (
    `${it} contains ${characterKind(refused)} (${codePointName(refused)}): '${printable(text)}'; ` +
    `names are one line of visible text, so remove it (control and bidi characters can disguise what a plan shows)`
  );
}

/** Values of a shape no single JSON type names, in words, by the title of the schema that defines them. */
const SHAPES: Record<string, string> = {
  'All streams': 'true or a mapping (namespaces, exclude, syncMode, destinationSyncMode)',
  'Excluded stream': 'a stream name or { name, namespace }',
};

function shapeWords(error: ErrorObject): string {
  const title = error.parentSchema?.['title'];
  return (typeof title === 'string' ? SHAPES[title] : undefined) ?? typeWords(error.params['type'] as unknown);
}

/** A `${VAR}` always gives a string outside a connector's configuration: say so when a value of another type is due. */
function templateHint(error: ErrorObject, doc: LocatedDocument): string {
  const vars = doc.templates.get(error.instancePath)?.vars ?? [];
  if (vars.length === 0) return '';
  const written = vars.map((name) => `\${${name}}`).join(', ');
  return ` (it is written with ${written}, which gives a string here: only a connector's configuration converts a whole \${VAR} to the type it needs)`;
}

/** The message for one ajv error in `doc`. */
function messageFor(error: ErrorObject, doc: LocatedDocument): string {
  const root = doc.value;
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const it = `${subject(root, path)}${where(root, path)}`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const place = path === '' ? 'at the top level' : `in ${subject(root, path)}${where(root, path)}`;
      return `unknown key '${key}' ${place}${didYouMean(key, knownKeys(error))}`;
    }
    case 'required':
      return `${it} is missing required key '${String(params['missingProperty'])}'`;
    case 'dependencies':
      return (
        `${subject(root, path)} has '${String(params['property'])}' but no '${String(params['missingProperty'])}': ` +
        `give both to manage it, or only 'name' to refer to an existing one`
      );
    case 'type':
      return `${it} must be ${shapeWords(error)}${templateHint(error, doc)}`;
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return `${it} must be one of: ${allowed.join(', ')}${hint}`;
    }
    case 'minItems':
      return /^\/connections\/\d+\/allStreams\/namespaces$/.test(path)
        ? `${it} must list at least one namespace: name the namespaces to sync, or leave 'namespaces' out to sync every namespace`
        : `${it} must have at least ${String(params['limit'])} item(s)`;
    case 'minLength':
      return `${it} must not be empty`;
    case 'minimum':
      return `${it} must be at least ${String(params['limit'])}`;
    case 'pattern':
      return patternMessage(error, it);
    default:
      return `${it} is invalid: ${error.message ?? error.keyword}`;
  }
}

function locationFor(error: ErrorObject, doc: LocatedDocument): SourceLocation {
  const params = error.params as Record<string, unknown>;
  const fallback = doc.locs.get(error.instancePath)?.value ?? { file: doc.file, line: 1, col: 1 };
  const key = error.keyword === 'additionalProperties' ? params['additionalProperty'] : error.keyword === 'dependencies' ? params['property'] : undefined;
  if (key === undefined) return fallback;
  return doc.locs.get(childPointer(error.instancePath, String(key)))?.key ?? fallback;
}

/** Unknown keys listed one by one per mapping; the rest of that mapping's are summed up in one problem. */
export const UNKNOWN_KEYS_LISTED = 20;
/** Schema problems listed one by one per file; the rest are summed up in one problem. */
export const SCHEMA_PROBLEMS_LISTED = 100;

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The keys of a mapping's unlisted unknown keys, as a short sample: `'k20', 'k21', 'k22', …`. */
function sample(keys: string[]): string {
  const shown = keys.slice(0, 3).map((key) => `'${printable(key)}'`);
  return keys.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * Problems for everything in `doc` that the JSON Schema rejects (except schedules: see schedule.ts). A hostile or
 * broken file can hold a hundred thousand mistakes: past UNKNOWN_KEYS_LISTED unknown keys in one mapping, and past
 * SCHEMA_PROBLEMS_LISTED problems in the file, the rest are counted in one problem each instead of listed, so the
 * work and the output stay small.
 */
export function schemaProblems(doc: LocatedDocument): Problem[] {
  if (validatePipeline(doc.value)) return [];
  const errors = (validatePipeline.errors ?? []).filter(relevant);
  // A value of the wrong type also fails its enum or length: the type is the one thing worth saying.
  const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  /** Unknown keys past the listed ones, by mapping (instance path): where the first is, and the keys. */
  const unlistedKeys = new Map<string, { at: SourceLocation; keys: string[] }>();
  const listedKeys = new Map<string, number>();
  let unlisted: { at: SourceLocation; count: number } | undefined;
  for (const error of errors.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath))) {
    if (error.keyword === 'additionalProperties') {
      const listed = listedKeys.get(error.instancePath) ?? 0;
      if (listed >= UNKNOWN_KEYS_LISTED) {
        const key = String((error.params as Record<string, unknown>)['additionalProperty']);
        const group = unlistedKeys.get(error.instancePath);
        if (group === undefined) unlistedKeys.set(error.instancePath, { at: locationFor(error, doc), keys: [key] });
        else group.keys.push(key);
        continue;
      }
      listedKeys.set(error.instancePath, listed + 1);
    }
    if (problems.length >= SCHEMA_PROBLEMS_LISTED) {
      if (unlisted === undefined) unlisted = { at: locationFor(error, doc), count: 0 };
      unlisted.count += 1;
      continue;
    }
    const problem: Problem = { severity: 'error', ...locationFor(error, doc), message: printable(messageFor(error, doc)) };
    const key = `${problem.line}:${problem.col}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  for (const [path, { at, keys }] of unlistedKeys) {
    const place = path === '' ? 'at the top level' : `in ${subject(doc.value, path)}${where(doc.value, path)}`;
    const message = `${plural(keys.length, 'more unknown key')} ${place} (${sample(keys)}), not listed one by one: only ${UNKNOWN_KEYS_LISTED} are`;
    problems.push({ severity: 'error', ...at, message });
  }
  if (unlisted !== undefined) {
    const message = `${plural(unlisted.count, 'more problem')} in this file, not listed one by one: fix the ${SCHEMA_PROBLEMS_LISTED} above first`;
    problems.push({ severity: 'error', ...unlisted.at, message });
  }
  return problems;
}
