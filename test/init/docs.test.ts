/**
 * docs/init.md and the action's part of docs/ci.md say what the code does: init's commands run as shown, its
 * refusal prints what the page shows, its flags table lists exactly the flags of `init --help`, and the inputs table
 * of docs/ci.md lists exactly the inputs of action.yml with their defaults.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { scan } from '../docs/markdown.js';
import { tempDir } from '../temp.js';
import { cli, seedWorkspace, startEnv } from '../operate/helpers.js';
import { readAction, ROOT } from '../workflows/check.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The first column (in backticks) and the second of the first table under `heading`. */
function tableRows(page: string, heading: string): [string, string][] {
  const lines = page.slice(page.indexOf(`\n${heading}\n`)).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, index) => index > first && !line.startsWith('|'));
  return lines.slice(first, end).flatMap((line) => {
    const match = /^\| `([^`]+)`[^|]* \| ([^|]*) \|/.exec(line);
    return match === null ? [] : [[match[1]!, match[2]!.trim()] as [string, string]];
  });
}

describe('docs/init.md', () => {
  const page = read('docs/init.md');
  const [commands, refusal] = [scan(page).fences.find((f) => f.lang === 'sh')!, scan(page).fences.find((f) => f.lang === 'text')!];

  it('its commands run as shown (the example server and workspace are the emulator)', async () => {
    const { emulator, client } = await startEnv();
    await seedWorkspace(client);
    const lines = commands.body.trim().split('\n');
    expect(lines).toEqual([
      'airbyte-gitops init my-pipelines --action my-org/airbyte-gitops@v1',
      'airbyte-gitops init my-pipelines --from-workspace --url https://airbyte.example.com --workspace Production',
    ]);
    for (const line of lines) {
      const cwd = tempDir('gitops-init-doc-');
      const args = line
        .split(' ')
        .slice(1)
        .map((word) => (word === 'https://airbyte.example.com' ? emulator.url : word === 'Production' ? 'Default Workspace' : word));
      const result = args.includes('--url') ? await cli(args, { cwd }) : await runCli(args, { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(cwd, 'my-pipelines/.github/workflows/airbyte-gitops.yml'), 'utf8')).toContain('uses: ');
    }
  });

  it('its refusal reads as init prints it', async () => {
    const dir = tempDir('gitops-init-doc-');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines/example.yaml'), '');
    writeFileSync(join(dir, 'README.md'), '');
    const result = await runCli(['init', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.split(dir).join('/home/me/pipelines')).toBe(refusal.body);
  });

  it('its flags table lists exactly the flags of init --help', async () => {
    const help = await runCli(['init', '--help']);
    const flags = [...help.stdout.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!);
    const own = flags.filter((flag) => !['--url', '--workspace', '--emulator', '--debug', '--help'].includes(flag));
    expect(tableRows(page, '## Flags').map(([flag]) => flag.split(' ')[0])).toEqual(own);
  });
});

describe('docs/ci.md', () => {
  it("lists exactly action.yml's inputs with their defaults", () => {
    const rows = tableRows(read('docs/ci.md'), '### Inputs');
    const defaults = Object.fromEntries(rows.map(([name, value]) => [name, value === 'empty' ? '' : value.replace(/^`|`$/g, '')]));
    expect(defaults).toEqual(Object.fromEntries(Object.entries(readAction().inputs).map(([name, input]) => [name, input.default])));
  });
});
