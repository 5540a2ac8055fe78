// Compiles schemas/pipeline.schema.json ahead of time with Ajv's standalone code generation, so that `validate` checks
// files without loading Ajv's compiler at start-up. Writes src/pipeline/generated/pipeline-schema-validate.ts.
//
//   node scripts/generate-schema-validator.mjs            write the file (npm run generate)
//   node scripts/generate-schema-validator.mjs --stdout   print what would be written (the up-to-date test uses it)
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { format, resolveConfig } from 'prettier';

const ROOT = new URL('../', import.meta.url);
const SCHEMA = new URL('schemas/pipeline.schema.json', ROOT);
const OUTPUT = new URL('src/pipeline/generated/pipeline-schema-validate.ts', ROOT);

/**
 * The options src/pipeline/schema.ts relies on: every error, with the failing data and schema (verbose); union types
 * (`type: [boolean, object]`: `allStreams: true` or a mapping) are meant.
 */
const OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true };

/** Ajv's runtime helpers the generated code may call: small files with no dependencies, never the compiler. */
const RUNTIME = /^ajv\/dist\/runtime\/[a-z0-9]+$/i;

async function generate() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, esm: true } });
  let code = standalone.default(ajv, ajv.compile(schema));

  // Ajv names the entry function and exports it twice; the file exports it once, typed, under its own name.
  const entry = /export default (validate\d+);/.exec(code)?.[1];
  if (entry === undefined) throw new Error('no default export in the code Ajv generated');
  code = code
    .replace(/^"use strict";/, '')
    .replace(`export const validate = ${entry};`, '')
    .replace(`export default ${entry};`, '');

  // Ajv refers to its runtime helpers with require(): the file gets a require() of its own, which loads them as
  // Node loads them for Ajv (a CommonJS module's exports, as the generated code expects them).
  code = code.replace(/require\("([^"]+)"\)/g, (_, module) => {
    if (!RUNTIME.test(module)) throw new Error(`the generated validator needs '${module}', which is not one of Ajv's runtime helpers`);
    return `requireRuntime(${JSON.stringify(module)})`;
  });
  if (/\brequire\(/.test(code)) throw new Error('the generated validator still calls require()');
  const imports = code.includes('requireRuntime(')
    ? ["import { createRequire } from 'node:module';", 'const requireRuntime = createRequire(import.meta.url);']
    : [];

  const source = [
    '// @ts-nocheck',
    '// Generated from schemas/pipeline.schema.json by scripts/generate-schema-validator.mjs: do not edit.',
    '// After changing the schema, run `npm run generate` (test/pipeline/schema-validator.test.ts fails until you do).',
    "import type { ErrorObject } from 'ajv';",
    ...imports,
    code,
    `/** Validates a parsed pipeline file; on failure, the errors are in \`.errors\` (Ajv options: ${JSON.stringify(OPTIONS)}). */`,
    `export const validatePipeline: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } = ${entry};`,
    '',
  ].join('\n');
  // Formatted like the rest of src/, so that a change of the schema reads as a small diff.
  return format(source, { ...(await resolveConfig(OUTPUT)), parser: 'typescript' });
}

const source = await generate();
if (process.argv.includes('--stdout')) process.stdout.write(source);
else writeFileSync(OUTPUT, source);
