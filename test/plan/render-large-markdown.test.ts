/**
 * A large plan's Markdown stays within what GitHub renders: the diagram shrinks to the changes and their neighbours
 * (or is left out, with a note), and the comment is cut between whole blocks under MARKDOWN_LIMIT with a note.
 */
import { describe, expect, test } from 'vitest';
import { renderGraph, renderMarkdown } from '../../src/plan/render/index.js';
import { MARKDOWN_LIMIT } from '../../src/plan/render/markdown.js';
import { DIAGRAM_LIMITS, planDiagram } from '../../src/plan/render/mermaid.js';
import { connectionChange, planOf, scalePlan } from './scale-fixtures.js';

const edges = (mermaid: string) => mermaid.split('\n').filter((line) => line.includes(' --> ')).length;
const count = (text: string, what: string) => text.split(what).length - 1;
const mermaidOf = (markdown: string) => /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];

describe('the diagram of a large plan', () => {
  test('a small pipeline is drawn whole, with no note', () => {
    const { pipeline, plan } = scalePlan(3, [1]);
    expect(planDiagram(pipeline, plan)).toEqual({ graph: renderGraph(pipeline, plan) });
  });

  test('300 + 300 + 300 with 2 changes: only the changes and their neighbours, with how many are left out', () => {
    const { pipeline, plan } = scalePlan(300, [7, 42]);
    expect(edges(renderGraph(pipeline, plan))).toBe(600); // `graph` still draws everything
    const diagram = planDiagram(pipeline, plan);
    expect(diagram.note).toBe(
      'Only the changed resources and their direct neighbours are drawn (6 resources); 894 unchanged resources left out: ' +
        'the whole pipeline (900 resources) is too large for GitHub to draw; `airbyte-gitops graph` draws it all.',
    );
    expect(edges(diagram.graph ?? '')).toBe(4);
    expect(diagram.graph).toContain('"~ conn-7"');
    expect(diagram.graph).toContain('"src-42"');
    expect(diagram.graph).toContain('"dst-42"');
    expect(diagram.graph).not.toContain('"src-8"');
    const markdown = renderMarkdown(plan, pipeline);
    expect(markdown).toContain(
      '\n_Only the changed resources and their direct neighbours are drawn (6 resources); 894 unchanged resources left out: ' +
        'the whole pipeline (900 resources) is too large for GitHub to draw; <code>airbyte-gitops graph</code> draws it all._\n\n```mermaid\n',
    );
    expect(mermaidOf(markdown)).toBe(diagram.graph?.trimEnd());
  });

  test('when even the neighbourhood is too large, the diagram is left out with a note', () => {
    const { pipeline, plan } = scalePlan(
      300,
      Array.from({ length: 300 }, (_, i) => i),
    );
    const diagram = planDiagram(pipeline, plan);
    expect(diagram.graph).toBeUndefined();
    expect(diagram.note).toMatch(/^No diagram: even the changed resources and their direct neighbours \(900 resources\) are too many to draw/);
    expect(mermaidOf(renderMarkdown(plan, pipeline))).toBeUndefined();
  });

  test('the limits are under GitHub’s (500 edges, 50,000 characters)', () => {
    expect(DIAGRAM_LIMITS.edges).toBeLessThan(500);
    expect(DIAGRAM_LIMITS.characters).toBeLessThan(50_000);
  });
});

describe('the Markdown size cap', () => {
  /** `n` updated connections, each with `fields` field lines. */
  function manyChanges(n: number, fields: number) {
    return planOf(
      Array.from({ length: n }, (_, i) =>
        connectionChange(`conn-${i}`, {
          action: 'update',
          fields: Array.from({ length: fields }, (_, f) => ({ path: `streams.table_${f}.selected`, before: false, after: true })),
        }),
      ),
    );
  }
  const empty = { sources: [], destinations: [], connections: [], files: [] };

  test('a plan that fits is not cut', () => {
    const markdown = renderMarkdown(manyChanges(3, 2), empty);
    expect(markdown).not.toContain('truncated');
  });

  test('a plan past the cap is cut between whole details, closes what it opens, and says how many changes are left out', () => {
    const markdown = renderMarkdown(manyChanges(400, 10), empty);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(count(markdown, '<details>')).toBe(count(markdown, '</details>'));
    expect(count(markdown, '<pre>')).toBe(count(markdown, '</pre>'));
    expect(count(markdown, '```') % 2).toBe(0);
    const shown = count(markdown, '<summary>');
    expect(shown).toBeGreaterThan(0);
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(
      `> **… truncated: ${400 - shown} more changes; the full plan is in the job log (<code>airbyte-gitops plan</code>).**`,
    );
  });

  test('a cut inside the table ends the table and counts every change left out', () => {
    const markdown = renderMarkdown(manyChanges(400, 1), empty, {}, 2_000);
    expect(markdown.length).toBeLessThanOrEqual(2_000);
    expect(markdown).not.toContain('<details>');
    expect(markdown).toContain('\n\n> **… truncated: 400 more changes;');
    expect(markdown).toContain('| Action | Kind | Name | Fields | Warnings |\n|---|---|---|---|---|\n| ✏️ update | connection | conn-0 |');
  });
});
