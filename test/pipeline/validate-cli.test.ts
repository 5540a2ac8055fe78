/**
 * End to end: the built CLI (dist/cli/main.js) as a child process. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = 'dist/cli/main.js';

function validate(args: string[], env: Record<string, string> = {}) {
  const baseEnv: Record<string, string> = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };
  const result = spawnSync(process.execPath, [CLI, 'validate', ...args], { env: { ...baseEnv, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('airbyte-gitops validate', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const broken = join(scratch, 'broken.yaml');
  writeFileSync(
    broken,
    [
      'sources:',
      '  - name: pg',
      '    definition: Postgres',
      '    configuration: { password: "${NOT_SET_ANYWHERE}" }',
      'connections:',
      '  - name: c',
      '    source: pgg',
      '    destination: nowhere',
      '    sheduel: manual',
      '    streams:',
      '      - { name: s, syncMode: incremental, destinationSyncMode: append }',
      '',
    ].join('\n'),
  );
  const expectedProblems = [
    `${broken}:4:32: error: environment variable 'NOT_SET_ANYWHERE' is not set: set it, or give a default with '\${NOT_SET_ANYWHERE:-default}'`,
    `${broken}:7:13: error: connection 'c' refers to unknown source 'pgg' (did you mean 'pg'?); declare it under 'sources' (a '- name: ...' entry alone refers to an existing source)`,
    `${broken}:8:18: error: connection 'c' refers to unknown destination 'nowhere'; declare it under 'destinations' (a '- name: ...' entry alone refers to an existing destination)`,
    `${broken}:9:5: error: unknown key 'sheduel' in connection 'c' (did you mean 'schedule'?)`,
    `${broken}:11:30: warning: stream 's' of connection 'c' is incremental but has no 'cursorField': the source must define a cursor`,
  ];

  it('prints a one-line summary for the examples and exits 0', () => {
    const result = validate(['examples/pipelines']);
    expect(result).toEqual({ status: 0, stdout: '✓ Valid: 2 sources, 3 destinations, 3 connections in 3 files\n', stderr: '' });
  });

  it('prints every problem with file:line:col and exits 1', () => {
    const result = validate([broken]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe([...expectedProblems, '✗ 4 errors, 1 warning', ''].join('\n'));
  });

  it('prints JSON with --json', () => {
    const result = validate([broken, '--json']);
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout) as { valid: boolean; summary: Record<string, number>; problems: unknown[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.summary).toEqual({ sources: 1, destinations: 0, connections: 1, files: 1, errors: 4, warnings: 1 });
    expect(parsed.problems[3]).toEqual({
      severity: 'error',
      file: broken,
      line: 9,
      col: 5,
      message: "unknown key 'sheduel' in connection 'c' (did you mean 'schedule'?)",
    });
  });

  it('adds GitHub annotations under GITHUB_ACTIONS=true', () => {
    const result = validate([broken], { GITHUB_ACTIONS: 'true' });
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(5);
    expect(annotations[3]).toBe(`::error file=${broken},line=9,col=5::unknown key 'sheduel' in connection 'c' (did you mean 'schedule'?)`);
    expect(annotations[4]).toMatch(/^::warning file=.*,line=11,col=30::stream 's'/);
  });

  it('never prints the value of a secret it substituted', () => {
    const result = validate([broken, '--json'], { NOT_SET_ANYWHERE: 'hunter2-secret', GITHUB_ACTIONS: 'true' });
    expect(result.stdout + result.stderr).not.toContain('hunter2-secret');
  });

  it('uses the current directory when no path is given', () => {
    const result = spawnSync(process.execPath, [join(process.cwd(), CLI), 'validate'], {
      cwd: join(process.cwd(), 'examples/pipelines'),
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('✓ Valid: 2 sources, 3 destinations, 3 connections in 3 files\n');
  });
});
