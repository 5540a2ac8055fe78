/** Repeated warnings are shown once with "and N more like this" in text and Markdown; JSON keeps every one. */
import { describe, expect, test } from 'vitest';
import { renderJson, renderMarkdown, renderText } from '../../src/plan/render/index.js';
import { plain } from '../../src/util/color.js';
import { connectionChange, planOf, scalePlan } from './scale-fixtures.js';

const cursor = (name: string) => `stream 'users' of connection '${name}' is incremental but has no 'cursorField'`;

describe('grouped warnings', () => {
  const changes = ['conn-1', 'conn-2', 'conn-3'].map((name) =>
    connectionChange(name, { action: 'update', warnings: [cursor(name), 'stream users is deselected'] }),
  );
  const plan = planOf([...changes, connectionChange('other', { action: 'update', warnings: ['something else entirely'] })]);

  test('text: the first resource shows each warning once with the names of the others', () => {
    const text = renderText(plan, plain);
    const warnings = text.split('\n').filter((line) => line.includes('⚠'));
    expect(warnings).toEqual([
      "      ⚠ stream 'users' of connection 'conn-1' is incremental but has no 'cursorField' (and 2 more like this: conn-2, conn-3)",
      '      ⚠ stream users is deselected (and 2 more like this: conn-2, conn-3)',
      '      ⚠ something else entirely',
    ]);
  });

  test('Markdown: one quoted line per group', () => {
    const markdown = renderMarkdown(plan, { sources: [], destinations: [], connections: [], files: [] });
    const warnings = markdown.split('\n').filter((line) => line.startsWith('> ⚠'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('and 2 more like this: conn-2, conn-3');
    expect(warnings[2]).toContain('something else entirely');
    expect(warnings[2]).not.toContain('more like this');
  });

  test('JSON keeps every warning at its change', () => {
    const json = JSON.parse(renderJson(plan)) as { changes: { warnings: string[] }[] };
    expect(json.changes.map((change) => change.warnings.length)).toEqual([2, 2, 2, 1]);
  });

  test('only the quoted name is taken out: warnings differing elsewhere stay apart', () => {
    const short = planOf([
      connectionChange('a', { action: 'update', warnings: ["stream 'cat' of connection 'a' is late"] }),
      connectionChange('b', { action: 'update', warnings: ["stream 'cbt' of connection 'b' is late"] }),
      connectionChange('c', { action: 'update', warnings: ["stream 'cat' of connection 'c' is late"] }),
    ]);
    const lines = renderText(short, plain)
      .split('\n')
      .filter((line) => line.includes('⚠'));
    expect(lines).toEqual(["      ⚠ stream 'cat' of connection 'a' is late (and 1 more like this: c)", "      ⚠ stream 'cbt' of connection 'b' is late"]);
  });

  test('a change rendered alone shows all its warnings', async () => {
    const { renderChange } = await import('../../src/plan/render/text.js');
    expect(renderChange(changes[1]!, plain).filter((line) => line.includes('⚠'))).toHaveLength(2);
  });

  test('300 alike warnings: one line, five names, then an ellipsis', () => {
    const { plan: big } = scalePlan(300, [0, 1], cursor);
    // Unchanged connections' warnings are not shown (their changes are not listed); only the 2 updates count.
    const lines = renderText(big, plain)
      .split('\n')
      .filter((line) => line.includes('⚠'));
    expect(lines).toEqual(["      ⚠ stream 'users' of connection 'conn-0' is incremental but has no 'cursorField' (and 1 more like this: conn-1)"]);
    const many = planOf(Array.from({ length: 300 }, (_, i) => connectionChange(`conn-${i}`, { action: 'update', warnings: [cursor(`conn-${i}`)] })));
    const [line, ...rest] = renderText(many, plain)
      .split('\n')
      .filter((l) => l.includes('⚠'));
    expect(rest).toEqual([]);
    expect(line).toContain('(and 299 more like this: conn-1, conn-2, conn-3, conn-4, conn-5, …)');
  });
});
