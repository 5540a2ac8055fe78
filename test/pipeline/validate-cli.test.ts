/** `validate` through the CLI: in-process, and once as the built program in a working directory. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runBuiltCli, runCli } from '../cli.js';
import { tempDir } from '../temp.js';

async function validate(args: string[], env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await runCli(['validate', ...args], { env });
  return { status: code, stdout, stderr };
}

describe('airbyte-gitops validate', () => {
  const scratch = tempDir('gitops-cli-');
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

  it('prints a one-line summary for the examples and exits 0', async () => {
    const result = await validate(['examples/pipelines']);
    expect(result).toEqual({ status: 0, stdout: '✓ Valid: 2 sources, 3 destinations, 3 connections in 3 files\n', stderr: '' });
  });

  it('prints every problem with file:line:col and exits 1', async () => {
    const result = await validate([broken]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe([...expectedProblems, '✗ 4 errors, 1 warning', ''].join('\n'));
  });

  it('prints JSON with --json', async () => {
    const result = await validate([broken, '--json']);
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

  it('adds GitHub annotations under GITHUB_ACTIONS=true', async () => {
    const result = await validate([broken], { GITHUB_ACTIONS: 'true' });
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(5);
    expect(annotations[3]).toBe(`::error file=${broken},line=9,col=5::unknown key 'sheduel' in connection 'c' (did you mean 'schedule'?)`);
    expect(annotations[4]).toMatch(/^::warning file=.*,line=11,col=30::stream 's'/);
  });

  it('never prints the value of a secret it substituted', async () => {
    const result = await validate([broken, '--json'], { NOT_SET_ANYWHERE: 'hunter2-secret', GITHUB_ACTIONS: 'true' });
    expect(result.stdout + result.stderr).not.toContain('hunter2-secret');
  });

  // The built program in a real working directory: relative paths resolve against the process's own.
  it('uses the current directory when no path is given', async () => {
    const result = await runBuiltCli(['validate'], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✓ Valid: 2 sources, 3 destinations, 3 connections in 3 files\n');
  });
});
