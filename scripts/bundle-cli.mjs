// Bundles the command line after tsc, so that it starts quickly: Node 20 loads each ES module and each CommonJS file
// separately (resolve, read, compile: about half a millisecond each on a small machine), and `validate` alone needs
// 40 of ours, 74 of yaml and 7 of commander. The bundle is the compiled dist/cli/main.js and everything it imports,
// in a few files: dist/cli/main.js (the program and the command definitions) and, in dist/chunks/, what it imports
// lazily (each command's flow, split where commands share code). The rest of dist/ stays as tsc wrote it (the
// library entry point, dist/index.js, and the modules the bench runs).
//
//   node scripts/bundle-cli.mjs    (part of `npm run build`, after tsc)
//
// dist/chunks/modules.json lists the modules each file of the bundle holds (paths relative to the package), so that
// what a command loads can still be told by module (test/cli/module-loads.test.ts, the start-up bench).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ENTRY_FILE = 'cli/main.js';
const ENTRY = join(DIST, ENTRY_FILE);
/** Where the lazily loaded files go: one level below dist/, as the modules they hold were (see below). */
const CHUNKS = 'chunks';
const MARK = '// Bundled by scripts/bundle-cli.mjs';

/**
 * Left to Node: its own modules, and Ajv and its formats, which only the connector-spec checks load (plan, apply,
 * validate --registry): bundled they would only be a second copy. The generated pipeline validator loads Ajv's
 * runtime helpers with a require() of its own, which stays as it is.
 */
const external = (id) => isBuiltin(id) || /^ajv(-formats)?(\/|$)/.test(id);

const entry = readFileSync(ENTRY, 'utf8');
if (entry.includes(MARK)) {
  process.stderr.write(`${relative(ROOT, ENTRY)} is already a bundle: run tsc first (npm run build does both)\n`);
  process.exit(1);
}

// A file read beside the package at run time is found by a path relative to the module that reads it
// (`new URL('../../package.json', import.meta.url)`): every such module sits one folder below dist/ (cli/, pipeline/),
// and so does every file of the bundle. A createRequire(import.meta.url) finds packages from anywhere in the package.
const placedByItself = (source) => /\bimport\.meta\b/.test(source.replaceAll('createRequire(import.meta.url)', ''));

rmSync(join(DIST, CHUNKS), { recursive: true, force: true });
// Rolldown runs natively, from a package built for each platform. Where none is (an install from Git on an unusual
// machine), the command line stays as tsc wrote it: slower to start, the same otherwise. (The tests count the files
// validate loads, so a build without the bundle fails them.)
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch (error) {
  process.stderr.write(`note: the command line is not bundled (Rolldown cannot run here: ${error.message}); it starts slower\n`);
  process.exit(0);
}

const bundle = await rolldown({
  input: ENTRY,
  platform: 'node',
  external,
  // Warnings are errors: a bundle that may differ from the modules tsc wrote is not shipped.
  onLog(level, log, defaultHandler) {
    if (level === 'warn') throw new Error(`rolldown: ${log.message}`);
    defaultHandler(level, log);
  },
});
const { output } = await bundle.write({
  dir: DIST,
  format: 'esm',
  entryFileNames: ENTRY_FILE,
  chunkFileNames: `${CHUNKS}/[name]-[hash].js`,
  // Doc comments are for readers of the sources, which the packages keep: Node would only scan past them.
  comments: { legal: true, annotation: false, jsdoc: false },
  // Characters beyond ASCII (✓, →, quotes) written as escapes, which read the same: a file of ASCII only is decoded
  // and scanned as one byte per character, a file with one other character as two.
  charset: 'ascii',
  banner: (chunk) => (chunk.isEntry ? MARK : ''),
});
await bundle.close();

const modules = {};
const packages = new Set();
for (const file of output) {
  if (file.type !== 'chunk') continue;
  // The entry awaits the whole run (top-level await): a file it loads lazily that imported it back would wait forever.
  if (!file.isEntry && [...file.imports, ...file.dynamicImports].includes(ENTRY_FILE))
    throw new Error(`${file.fileName} imports ${ENTRY_FILE}, which awaits the run: the command would never start`);
  for (const id of file.moduleIds) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
    if (name !== undefined) packages.add(name);
  }
  modules[file.fileName] = file.moduleIds.filter((id) => id.startsWith(ROOT)).map((id) => relative(ROOT, id));
  for (const id of file.moduleIds) {
    if (!id.startsWith(DIST) || relative(DIST, id).split('/').length === 2) continue;
    if (placedByItself(readFileSync(id, 'utf8')))
      throw new Error(`${relative(ROOT, id)} uses import.meta (a path relative to itself), which the bundle would move`);
  }
  // A package's CommonJS file that finds files by its own place would look beside the bundle instead.
  if (/\b__(dirname|filename)\b/.test(file.code)) throw new Error(`${file.fileName} uses __dirname or __filename`);
}
writeFileSync(join(DIST, CHUNKS, 'modules.json'), `${JSON.stringify(modules, null, 2)}\n`);
// The packages whose code the bundle holds are copied with their licences.
const licences = [...packages].sort().map((name) => {
  const dir = join(ROOT, 'node_modules', name);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
  if (file === undefined) throw new Error(`${name} has no licence file to ship with the bundle`);
  return `${name} ${version}\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
});
writeFileSync(join(DIST, CHUNKS, 'THIRD-PARTY-LICENSES.txt'), licences.join('\n---\n\n'));
// tsc's source map describes the file the bundle replaced.
if (existsSync(`${ENTRY}.map`)) rmSync(`${ENTRY}.map`);
