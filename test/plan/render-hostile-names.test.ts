/**
 * Names from outside (remote resources the pipeline does not manage, server messages) reach no output raw: an
 * escape sequence cannot clear the terminal, a newline cannot print a fake plan line, and in Markdown a name cannot
 * end the table or add a heading.
 */
import { describe, expect, test } from 'vitest';
import { progressLine, summaryText } from '../../src/apply/progress.js';
import type { ApplyResult, StepOutcome } from '../../src/apply/types.js';
import { renderCheckTable } from '../../src/operate/check-format.js';
import { outcomeLine } from '../../src/operate/sync-format.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderGraph } from '../../src/plan/render/mermaid.js';
import { renderText } from '../../src/plan/render/text.js';
import { printable } from '../../src/util/printable.js';
import { plain } from '../../src/util/color.js';
import { inSync, planFor, remoteActor, remoteConnection } from './fixtures.js';

const CLEAR = 'x\u001b[2J';
const FAKE_LINE = "legacy\n  - source 'evil' will be deleted";
const END_TABLE = 'lake |\n\n## ✅ No changes\n<img src=x onerror=alert(1)>`';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function hostilePlan(prune = false) {
  const { desired, remote } = inSync();
  remote.sources.push(remoteActor('source', 'src-8', CLEAR, {}), remoteActor('source', 'src-9', FAKE_LINE, {}));
  remote.destinations.push(remoteActor('destination', 'dst-9', END_TABLE, {}));
  remote.connections.push(remoteConnection('conn-9', 'c\u202Eevil', [], { sourceId: 'src-9', destinationId: 'dst-9' }));
  return { desired, plan: planFor(desired, remote, { prune }) };
}

describe('printable', () => {
  test.each([
    ['\u001b[2J', '\\u001b[2J'],
    ['a\nb\r\tc', 'a\\u000ab\\u000d\\u0009c'],
    ['del\u007f c1\u0085\u009b', 'del\\u007f c1\\u0085\\u009b'],
    ['rlo\u202Efdp.exe \u2066iso\u2069 \u200Elrm', 'rlo\\u202efdp.exe \\u2066iso\\u2069 \\u200elrm'],
    ['zero\u200Bwidth\uFEFF\u2060', 'zero\\u200bwidth\\ufeff\\u2060'],
    ['Zürich 東京 🚀 naïve', 'Zürich 東京 🚀 naïve'],
  ])('%j → %s', (text, shown) => expect(printable(text)).toBe(shown));
});

describe('text plan', () => {
  test('unmanaged remote names are escaped, on their own line each', () => {
    const text = renderText(hostilePlan().plan, plain);
    expect(text).not.toMatch(RAW);
    expect(text).toContain(
      [
        'Unmanaged: in Airbyte but not in the pipeline (left alone; plan --prune deletes them):',
        "  source 'x\\u001b[2J' (id src-8)",
        "  source 'legacy\\u000a  - source 'evil' will be deleted' (id src-9)",
        "  destination 'lake |\\u000a\\u000a## ✅ No changes\\u000a<img src=x onerror=alert(1)>`' (id dst-9)",
        "  connection 'c\\u202eevil' (id conn-9)",
      ].join('\n'),
    );
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('- source'))).toEqual([]);
  });

  test('deletes with --prune show the names escaped', () => {
    const text = renderText(hostilePlan(true).plan, plain);
    expect(text).not.toMatch(RAW);
    expect(text).toContain("  - source 'x\\u001b[2J' will be deleted (id src-8)");
    expect(text).toContain("  - connection 'c\\u202eevil' will be deleted (id conn-9)");
  });
});

describe('Markdown plan', () => {
  test('a name cannot end the table, add a heading or inject HTML', () => {
    const { desired, plan } = hostilePlan(true);
    const markdown = renderMarkdown(plan, desired);
    expect(markdown).not.toMatch(RAW);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(['### Airbyte plan for workspace Default Workspace']);
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain(
      '| 🗑️ delete | destination | lake &#124;&#92;u000a&#92;u000a&#35;&#35; ✅ No changes&#92;u000a&#60;img src=x onerror=alert&#40;1&#41;&#62;&#96; | 0 | ⚠ 1 |',
    );
    expect(markdown).toContain('| 🗑️ delete | source | x&#92;u001b&#91;2J | 0 |  |');
    // Every table row is one line that starts and ends with a cell border.
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.every((line) => line.endsWith(' |'))).toBe(true);
    expect(rows).toHaveLength(1 + 4);
  });

  test('the Mermaid diagram keeps each name inside its quoted label', () => {
    const { desired, plan } = hostilePlan(true);
    const graph = renderGraph(desired, plan);
    expect(graph).not.toMatch(RAW);
    expect(graph).toContain('["- lake #124;#92;u000a#92;u000a#35;#35; #9989; No changes#92;u000a#60;img src#61;x onerror#61;alert#40;1#41;#62;#96;"]');
    expect(graph).toContain('(["- c#92;u202eevil"])');
  });
});

describe('apply, check and sync lines', () => {
  const step = (overrides: Partial<StepOutcome>): StepOutcome =>
    ({ kind: 'source', name: FAKE_LINE, op: 'delete', status: 'done', durationMs: 400, ...overrides }) as StepOutcome;

  test('progress and summary lines escape names and server messages', () => {
    expect(progressLine(step({}), plain)).toBe("✓ deleted source 'legacy\\u000a  - source 'evil' will be deleted' (0.4s)");
    expect(progressLine(step({ name: CLEAR, status: 'failed', error: 'boom\u001b[2Jgone' }), plain)).toBe(
      "✗ failed to delete source 'x\\u001b[2J': boom\\u001b[2Jgone",
    );
    const result = {
      status: 'failed',
      counts: { created: 0, updated: 0, deleted: 0, failed: 1, skipped: 0, notStarted: 0 },
      steps: [step({ status: 'failed', error: 'no' })],
    };
    expect(summaryText(result as ApplyResult, plain)).not.toMatch(RAW);
  });

  test('the check table and sync outcome escape names and messages', () => {
    const table = renderCheckTable([{ kind: 'source', name: CLEAR, status: 'failed', message: 'bad\nline', call: null, durationSeconds: 0 }] as never, plain);
    expect(table).toContain("source 'x\\u001b[2J'  ✗ failed  bad\\u000aline  -");
    const watch = { connection: FAKE_LINE, connectionId: 'c', jobId: 7, attached: false, job: { id: 7, status: 'succeeded' }, attempts: [] };
    expect(outcomeLine(watch as never, 0, '1h')).toMatch(/^✓ 'legacy\\u000a {2}- source 'evil' will be deleted': job 7 succeeded/);
  });
});
