/**
 * Builds dist/ once before the run when the sources changed since the last build, so the spawned end-to-end tests
 * never test a stale build: `npm run build`'s steps, emptying dist/, tsc and the bundle of the command line
 * (scripts/bundle-cli.mjs). The stamp is a hash of every file they read from the project (src/, tsconfig.json,
 * package.json, the bundle script); an unchanged tree costs one hash, not a compile.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.source-hash');
const BUNDLE = join(ROOT, 'scripts', 'bundle-cli.mjs');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [path];
  });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesBelow(join(ROOT, 'src')).sort(), join(ROOT, 'tsconfig.json'), join(ROOT, 'package.json'), BUNDLE]) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export default function setup(): void {
  const hash = sourceHash();
  if (existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
  // From an empty dist/: a module whose source was removed must not linger in the build (or in the tarball).
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [BUNDLE], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(STAMP, hash);
}
