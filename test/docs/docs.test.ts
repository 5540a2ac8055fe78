/**
 * The documentation keeps its promises: every relative link in README.md and docs/*.md leads somewhere (a file,
 * and for `file.md#anchor` a heading of that file), every pipeline example validates with the project's own
 * loader unless it is marked as a deliberate mistake (`<!-- invalid: reason -->` just before the block, which must
 * then fail), every other YAML example parses, and the README keeps its two-command quick start.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { formatProblem } from '../../src/model/problem.js';
import { anchors, links, scan, slug, type Fence } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const PIPELINE_KEYS = ['sources', 'destinations', 'connections', 'workspace'];

describe('GitHub heading anchors', () => {
  it.each([
    ['Quick start', 'quick-start'],
    ['`sync`', 'sync'],
    ['`--data` and `--catalogs` files', '--data-and---catalogs-files'],
    ['When `check_connection` fails', 'when-check_connection-fails'],
    ['Plan: see what would change', 'plan-see-what-would-change'],
    ['JSON plan (`--json`), format version 1', 'json-plan---json-format-version-1'],
  ])('%s → #%s', (heading, anchor) => expect(slug(heading)).toBe(anchor));

  it('numbers repeated headings', () => {
    expect([...anchors('# A\n## Flags\n```\n# not a heading\n```\n## Flags\n')]).toEqual(['a', 'flags', 'flags-1']);
  });
});

describe('links', () => {
  const cases = FILES.flatMap((file) => links(read(file)).map((link) => ({ file, ...link })));
  const relativeLinks = cases.filter(({ target }) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

  it('finds the links it should check', () => {
    expect(relativeLinks.length).toBeGreaterThan(40);
  });

  it.each(relativeLinks.map((link) => [`${link.file}:${link.line} → ${link.target}`, link] as const))('%s', (_, { file, target }) => {
    const [path = '', anchor] = target.split('#', 2);
    const destination = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
    expect(existsSync(destination), `${relative(ROOT, destination)} does not exist`).toBe(true);
    if (anchor !== undefined && destination.endsWith('.md')) {
      const headings = anchors(readFileSync(destination, 'utf8'));
      expect(headings.has(decodeURIComponent(anchor)), `no heading '#${anchor}' in ${relative(ROOT, destination)}`).toBe(true);
    }
  });
});

/** The `${NAME}` references of a YAML text (not `$${`, which is a literal), each set to a dummy value. */
function dummyEnv(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const match of text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) env[match[1]!] = 'dummy-value';
  return env;
}

const isPipeline = (fence: Fence, value: unknown) =>
  fence.marker === 'pipeline' ||
  fence.marker?.startsWith('invalid:') === true ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && PIPELINE_KEYS.some((key) => key in value));

describe('YAML examples', () => {
  const fences = FILES.flatMap((file) => scan(read(file)).fences.map((fence) => ({ file, fence })));
  const yamlFences = fences.filter(({ fence }) => fence.lang === 'yaml' || fence.lang === 'yml');
  const work = mkdtempSync(join(tmpdir(), 'airbyte-gitops-docs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds pipeline examples, valid and invalid', () => {
    const pipelines = yamlFences.filter(({ fence }) => isPipeline(fence, parse(fence.body)));
    expect(pipelines.length).toBeGreaterThanOrEqual(3);
    expect(pipelines.some(({ fence }) => fence.marker?.startsWith('invalid:'))).toBe(true);
  });

  it.each(yamlFences.map((entry) => [`${entry.file}:${entry.fence.line}`, entry] as const))('%s', (name, { fence }) => {
    const value: unknown = parse(fence.body);
    if (!isPipeline(fence, value)) return;
    const file = join(work, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.yaml`);
    writeFileSync(file, fence.body);
    const errors = loadPipeline([file], dummyEnv(fence.body))
      .problems.filter((problem) => problem.severity === 'error')
      .map(formatProblem);
    if (fence.marker?.startsWith('invalid:') === true) {
      expect(errors, `marked '${fence.marker}' but it validates`).not.toEqual([]);
    } else {
      expect(errors).toEqual([]);
    }
  });
});

describe('README quick start', () => {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Quick start\n');
  const end = readme.indexOf('\n## ', start + 1);

  it('shows its two commands in one fenced block', () => {
    expect(start).toBeGreaterThan(0);
    const blocks = scan(readme.slice(start, end)).fences.map((fence) => fence.body.trim().split('\n'));
    expect(blocks).toContainEqual(['npx airbyte-gitops plan examples/pipelines --emulator', 'npm test']);
  });

  it('points at files that exist', () => {
    expect(existsSync(join(ROOT, 'examples/pipelines'))).toBe(true);
    expect(JSON.parse(read('package.json')).scripts.test).toBeDefined();
  });
});
