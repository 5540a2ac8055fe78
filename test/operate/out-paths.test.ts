/**
 * `plan --out` and `export --out` given a path they cannot write: one error naming the path and what to do, no
 * stack, nothing left behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, type CliResult } from '../cli.js';
import { tempDir } from '../temp.js';

const onEmulator = (args: string[]) => runCli([...args, '--emulator'], { env: { XDG_STATE_HOME: tempDir('gitops-state-') } });

function expectOneError(result: CliResult, message: string, hint: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr.startsWith(`error: ${message}`), result.stderr).toBe(true);
  expect(result.stderr).toMatch(hint);
}

describe('plan --out', () => {
  it('a missing directory is one error naming it, before anything is planned', async () => {
    const out = join(tempDir(), 'missing', 'plan.json');
    const result = await onEmulator(['plan', EXAMPLES, '--out', out]);
    expectOneError(result, `cannot save the plan to ${out}: its directory ${join(out, '..')} does not exist; nothing was saved`, /--out plan\.json/);
    expect(result.stdout).toBe('');
  });

  it('a directory is one error, and no temporary file is left beside it', async () => {
    const parent = tempDir();
    const out = join(parent, 'plans');
    mkdirSync(out);
    const result = await onEmulator(['plan', EXAMPLES, '--out', out]);
    expectOneError(result, `cannot save the plan to ${out}: it is a directory; nothing was saved`, /give --out a file path/);
    expect(readdirSync(parent)).toEqual(['plans']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a parent that is a file is one error', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, '');
    const result = await onEmulator(['plan', EXAMPLES, '--out', join(file, 'plan.json')]);
    expectOneError(result, `cannot save the plan to ${join(file, 'plan.json')}: ${file} is not a directory`, /--out/);
  });
});

describe('export --out', () => {
  it('an existing file is one error saying --out names a directory, and the file is untouched', async () => {
    const out = join(tempDir(), 'pipeline.yaml');
    writeFileSync(out, 'mine\n');
    const result = await onEmulator(['export', '--out', out]);
    expectOneError(
      result,
      `cannot write the export to ${out}: it is a file, not a directory`,
      /--out names a directory .*without --out, one document goes to stdout/,
    );
    expect(readdirSync(join(out, '..'))).toEqual(['pipeline.yaml']);
  });

  it('a path below a file is one error', async () => {
    const file = join(tempDir(), 'pipeline.yaml');
    writeFileSync(file, '');
    const result = await onEmulator(['export', '--out', join(file, 'pipelines')]);
    expectOneError(result, `cannot write the export to ${join(file, 'pipelines')}: a part of the path is a file, not a directory`, /--out names a directory/);
  });
});
