/**
 * Parses one file into plain data with every value's location kept (by JSON pointer), interpolating `${VAR}` in
 * string values on the way. Aliases are expanded here, so a location always names the text the user wrote.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { interpolate } from './interpolate.js';
import { excessiveNesting, MAX_DEPTH } from './prescan.js';

/** Alias expansions the yaml library allows before refusing the file (its own defence against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Nodes one file may expand to; a second line of defence behind MAX_ALIAS_COUNT. */
const MAX_NODES = 200_000;

/** Where a value (and, for a mapping entry, its key) was written. */
export interface NodeLoc {
  value: SourceLocation;
  key?: SourceLocation;
}

/** The written form of a string that contained `${...}`. */
export interface Template {
  template: string;
  wholeVar: boolean;
  vars: string[];
}

/** One parsed file: its data after interpolation, and locations and templates keyed by JSON pointer. */
export interface LocatedDocument {
  file: string;
  value: unknown;
  locs: Map<string, NodeLoc>;
  templates: Map<string, Template>;
}

/** Appends a key or index to a JSON pointer, escaped as RFC 6901 (and as ajv's instancePath) says. */
export function childPointer(pointer: string, key: string | number): string {
  const text = String(key);
  if (!text.includes('~') && !text.includes('/')) return `${pointer}/${text}`;
  return `${pointer}/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

class Walker {
  readonly locs = new Map<string, NodeLoc>();
  readonly templates = new Map<string, Template>();
  readonly problems: Problem[] = [];
  /** Repeated keys by position; any makes the file refused, as a syntax error would (an alias may revisit one). */
  readonly duplicateKeys = new Set<string>();
  private visited = 0;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  loc(node: Node | null | undefined, fallback?: SourceLocation): SourceLocation {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback ?? { file: this.file, line: 1, col: 1 };
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, col };
  }

  private stop(at: SourceLocation, message: string): null {
    if (!this.stopped) this.problems.push({ severity: 'error', ...at, message });
    this.stopped = true;
    return null;
  }

  walk(node: Node | null, pointer: string, depth: number, at: SourceLocation): unknown {
    if (this.stopped) return null;
    if (++this.visited > MAX_NODES) return this.stop(at, `file expands to more than ${MAX_NODES} values; refusing it`);
    if (depth > MAX_DEPTH) return this.stop(at, `nesting is deeper than ${MAX_DEPTH} levels; refusing the file`);
    if (node === null) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      return target === undefined ? null : this.walk(target, pointer, depth, at);
    }
    if (isScalar(node)) return this.scalar(node.value, pointer, at);
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      // The yaml library's own check (uniqueKeys) compares every pair of keys; a Set keeps large mappings linear.
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyLoc = this.loc(keyNode, at);
        if (keyNode !== null && !isScalar(keyNode)) {
          this.problems.push({ severity: 'error', ...keyLoc, message: 'a key must be a plain name, not a list or mapping' });
          continue;
        }
        const key = String(keyNode?.value ?? '');
        if (seen.has(key)) {
          const position = `${keyLoc.line}:${keyLoc.col}`;
          if (!this.duplicateKeys.has(position)) {
            this.problems.push({ severity: 'error', ...keyLoc, message: `key '${key}' appears twice in the same mapping` });
          }
          this.duplicateKeys.add(position);
          continue;
        }
        seen.add(key);
        const child = childPointer(pointer, key);
        const valueNode = pair.value as Node | null;
        const valueLoc = valueNode === null ? keyLoc : this.loc(valueNode, keyLoc);
        this.locs.set(child, { key: keyLoc, value: valueLoc });
        const value = this.walk(valueNode, child, depth + 1, valueLoc);
        // A key named "__proto__" must become data, not change the object's prototype: only defineProperty does that.
        if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        else result[key] = value;
      }
      return result;
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const child = childPointer(pointer, index);
        const itemLoc = this.loc(item as Node | null, at);
        this.locs.set(child, { value: itemLoc });
        return this.walk(item as Node | null, child, depth + 1, itemLoc);
      });
    }
    return null;
  }

  private scalar(value: unknown, pointer: string, at: SourceLocation): unknown {
    if (typeof value !== 'string') return value;
    const result = interpolate(value, this.env);
    for (const message of result.errors) this.problems.push({ severity: 'error', ...at, message });
    if (result.templated) this.templates.set(pointer, { template: value, wholeVar: result.wholeVar, vars: result.vars });
    return result.value ?? value;
  }
}

/** `${NAME}` as the user should quote it; a default is not echoed (it may be a secret). */
function quotedForm(text: string, dollar: number): string {
  const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:-)?[^}\n]*\}/.exec(text.slice(dollar, dollar + 300));
  if (reference === null) return '${...}';
  return reference[2] === undefined ? `\${${reference[1]}}` : `\${${reference[1]}:-...}`;
}

/**
 * Syntax errors as problems. An unquoted `${VAR}` inside `{ }` or `[ ]` is YAML flow syntax (the parser fails at its
 * `{`): that gets one problem with the fix at the `$`, and the errors it causes on its line are left out.
 */
function syntaxProblems(errors: YAMLError[], text: string, at: (offset: number) => SourceLocation): Problem[] {
  const dollars = [...new Set(errors.map((e) => e.pos[0]).filter((offset) => text[offset] === '{' && text[offset - 1] === '$'))].map((o) => o - 1);
  const hinted = new Set(dollars.map((dollar) => at(dollar).line));
  const problems: Problem[] = dollars.map((dollar) => {
    const written = quotedForm(text, dollar);
    const message = `YAML syntax error: an unquoted ${written} inside { } or [ ] is read as YAML: write '${written}' in quotes`;
    return { severity: 'error', ...at(dollar), message };
  });
  for (const e of errors) {
    const where = at(e.pos[0]);
    if (!hinted.has(where.line)) problems.push({ severity: 'error', ...where, message: `YAML syntax error: ${e.message}` });
  }
  return problems;
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** The yaml library's own measure of alias expansion ("billion laughs"); a problem when the file expands too much. */
function aliasExpansion(doc: Document, alias: Node, at: (offset: number | undefined) => SourceLocation): Problem | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (cause) {
    const message =
      cause instanceof ReferenceError
        ? `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} expansions); refusing a possible "billion laughs" file`
        : `cannot read the YAML: ${(cause as Error).message}`;
    return { severity: 'error', ...at(alias.range?.[0]), message };
  }
}

/** Parses `text` (the contents of `file`); never throws. `doc` is undefined when the file could not be read as data. */
export function parseSpecText(file: string, text: string, env: NodeJS.ProcessEnv): { doc?: LocatedDocument; problems: Problem[] } {
  const tooDeep = excessiveNesting(text);
  if (tooDeep) return { problems: [{ severity: 'error', file, ...tooDeep, message: `nesting is deeper than ${MAX_DEPTH} levels; refusing the file` }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined): SourceLocation => ({ file, ...lineCounter.linePos(offset ?? 0) });
  if (doc.errors.length > 0) return { problems: syntaxProblems(doc.errors, text, at) };
  if (doc.contents === null) return { problems: [{ severity: 'error', file, line: 1, col: 1, message: 'file is empty' }] };
  // Only aliases (written with '*') can expand: a file without any has nothing to measure, and building its value
  // twice is not free.
  const alias = text.includes('*') ? firstAlias(doc) : undefined;
  if (alias !== undefined) {
    const refused = aliasExpansion(doc, alias, at);
    if (refused !== undefined) return { problems: [refused] };
  }
  const walker = new Walker(file, doc, lineCounter, env);
  const root = walker.loc(doc.contents);
  const value = walker.walk(doc.contents, '', 0, root);
  walker.locs.set('', { value: root });
  if (walker.duplicateKeys.size > 0) return { problems: walker.problems };
  return { doc: { file, value, locs: walker.locs, templates: walker.templates }, problems: walker.problems };
}
