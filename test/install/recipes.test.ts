/**
 * Every recipe in the repository installs airbyte-gitops from somewhere that works: a path, a tarball or a Git URL
 * (docs/install.md), never the npm registry by name. The package is not published there, so a command such as
 * `npm install --global airbyte-gitops` would install whatever someone else published under the name.
 *
 * Commands are looked for in the code blocks of README.md and docs/*.md (their prose may name the command it warns
 * against) and in every line of the example workflows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../docs/markdown.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function filesBelow(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );
}

/** The lines that may hold commands, with where they are. */
function commandLines(): { where: string; text: string }[] {
  const markdown = ['README.md', ...filesBelow('docs').filter((file) => file.endsWith('.md'))];
  const fromMarkdown = markdown.flatMap((file) =>
    scan(read(file)).fences.flatMap((fence) => fence.body.split('\n').map((text, index) => ({ where: `${file}:${fence.line + 1 + index}`, text }))),
  );
  const workflows = filesBelow('examples').filter((file) => /\.ya?ml$/.test(file) && !file.startsWith('examples/pipelines/'));
  const fromWorkflows = workflows.flatMap((file) =>
    read(file)
      .split('\n')
      .map((text, index) => ({ where: `${file}:${index + 1}`, text })),
  );
  return [...fromMarkdown, ...fromWorkflows];
}

/** What in `line` would take airbyte-gitops from the registry by name, or undefined. */
function registryInstall(line: string): string | undefined {
  const code = line.replace(/\s#.*$/, '');
  for (const match of code.matchAll(/\b(?:npm|pnpm|yarn)\s+(?:install|i|add|exec)\b([^`|;&)]*)/g)) {
    const specs = (match[1] ?? '')
      .trim()
      .split(/\s+/)
      .map((token) => token.replace(/^['"]|['"]$/g, ''))
      .filter((token) => token !== '' && !token.startsWith('-'));
    if (specs.some((spec) => /^airbyte-gitops(@\S*)?$/.test(spec))) return match[0].trim();
  }
  const npx = /\bnpx\s+(?:(?:-y|--yes)\s+(?:\S+\s+)*?airbyte-gitops|(?:-p|--package)[\s=]airbyte-gitops)\b(?![/#.])/.exec(code);
  return npx?.[0];
}

describe('install recipes', () => {
  it('recognises an install by name and lets the other sources through', () => {
    expect(registryInstall('npm install --global airbyte-gitops')).toBe('npm install --global airbyte-gitops');
    expect(registryInstall('      - run: npm i -g airbyte-gitops@0.1.0')).toBeDefined();
    expect(registryInstall('npm install --save-dev "airbyte-gitops"')).toBeDefined();
    expect(registryInstall('npx --yes airbyte-gitops plan pipelines')).toBeDefined();
    expect(registryInstall('npx -p airbyte-gitops airbyte-gitops --help')).toBeDefined();
    expect(registryInstall('npm install --global ./airbyte-gitops-0.1.0.tgz')).toBeUndefined();
    expect(registryInstall('npm install --global "$RUNNER_TEMP/airbyte-gitops.tgz"')).toBeUndefined();
    expect(registryInstall('npm install --save-dev github:<org>/airbyte-gitops#v0.1.0')).toBeUndefined();
    expect(registryInstall('npm install --global .   # airbyte-gitops')).toBeUndefined();
    expect(registryInstall('npx airbyte-gitops --help')).toBeUndefined();
  });

  it('finds the repository install commands it checks', () => {
    const installs = commandLines().filter(({ text }) => /\bnpm\s+(?:install|i|ci)\b/.test(text));
    expect(installs.map(({ where }) => where.split(':')[0])).toEqual(
      expect.arrayContaining(['README.md', 'docs/install.md', 'docs/ci.md', 'examples/ci/airbyte-gitops.yml']),
    );
  });

  it('never installs airbyte-gitops from the registry by name', () => {
    const found = commandLines().flatMap(({ where, text }) => {
      const command = registryInstall(text);
      return command === undefined ? [] : [`${where}: ${command}`];
    });
    expect(found).toEqual([]);
  });
});
