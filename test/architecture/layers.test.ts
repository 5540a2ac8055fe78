/**
 * The folders of src/ form layers: each folder imports only folders below it, so a reader can follow a command from
 * cli/ down to the wire types without meeting a loop. This test reads every import (static and dynamic) and fails
 * on an import that runs up or sideways, naming the file and the line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Higher imports lower; folders of one rank do not import each other. `(root)` is src/errors.ts, the one error
 * type every layer throws.
 */
const RANK: Record<string, number> = {
  cli: 10, // argv, printing errors, exit codes
  commands: 9, // one file per command: its flow top to bottom
  bench: 9, // benchmarks drive the product like a command does
  init: 8, // what `init` writes: the files of a new pipeline repository
  apply: 7, // executes a plan
  operate: 6, // what the day-to-day commands share
  plan: 5, // fetch, checks, diff, render
  pipeline: 4, // YAML → desired model
  emulator: 4, // the emulated server: only wire types, secrets and utilities below it
  client: 3, // the HTTP client
  registry: 3, // Airbyte's connector registry: loading it and looking definitions up (never the client)
  secrets: 2, // secret paths, the Secret type, redaction
  model: 2, // desired / remote / problem types
  streams: 1, // stream identity (namespace + name)
  api: 0, // wire types
  util: 1,
  github: 3, // posting the plan on GitHub (comment, drift issue, job summary): errors, secrets, model, util, api only
  '(root)': 2.5, // errors.ts: every layer from client/ up throws it; it carries model/'s Problem type
};

interface Import {
  file: string;
  line: number;
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(path: string): string {
  const [first, second] = relative(SRC, path).split('/');
  return second === undefined ? '(root)' : (first as string);
}

function importsOf(file: string): Import[] {
  const found: Import[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), match[1] as string);
        found.push({ file: relative(SRC, file), line: index + 1, from: folderOf(file), to: folderOf(target) });
      }
    });
  return found;
}

const imports = sourceFiles(SRC).flatMap(importsOf);

describe('src/ layers', () => {
  it('reads the imports of every source file', () => {
    // Guards the parser itself: an empty list would make the next test pass for nothing.
    expect(imports.length).toBeGreaterThan(300);
    expect(imports.some((edge) => edge.from === 'commands' && edge.to === 'plan')).toBe(true);
  });

  it('gives every folder of src/ a rank', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((folder) => RANK[folder] === undefined)).toEqual([]);
  });

  it('has every import run downwards (nothing imports cli/ or commands/, no folder cycles)', () => {
    const upward = imports
      .filter((edge) => edge.from !== edge.to)
      .filter((edge) => (RANK[edge.to] ?? Infinity) >= (RANK[edge.from] ?? -Infinity))
      .map((edge) => `src/${edge.file}:${edge.line} (${edge.from} → ${edge.to})`);
    expect(upward).toEqual([]);
  });
});
