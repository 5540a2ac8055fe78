/** Problems printed on stderr: every error listed; warnings alike but for quoted names folded past three. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { formatProblems } from '../../src/pipeline/problems.js';

const plainStream = { isTTY: false } as NodeJS.WriteStream;
const warning = (line: number, connection: string): Problem => ({
  severity: 'warning',
  file: 'p.yaml',
  line,
  col: 9,
  message: `stream 'users' of connection '${connection}' is incremental but has no 'cursorField': the source must define a cursor`,
});

describe('formatProblems', () => {
  it('folds 300 alike warnings into the first three and one line saying where the others are', () => {
    const problems = Array.from({ length: 300 }, (_, i) => warning(10 + i, `conn-${i}`));
    const lines = formatProblems(problems, plainStream, { NO_COLOR: '1' }).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "p.yaml:10:9: warning: stream 'users' of connection 'conn-0' is incremental but has no 'cursorField': the source must define a cursor",
    );
    expect(lines[2]).toContain("connection 'conn-2'");
    expect(lines[3]).toBe('warning: 297 more like the one above at p.yaml:13:9, p.yaml:14:9, p.yaml:15:9, p.yaml:16:9, p.yaml:17:9, and 292 more');
  });

  it('lists every error, and four alike warnings in full; unlike warnings are never folded together', () => {
    const errors: Problem[] = Array.from({ length: 6 }, (_, i) => ({ severity: 'error', file: 'p.yaml', line: i + 1, col: 1, message: `unknown key 'k${i}'` }));
    const four = Array.from({ length: 4 }, (_, i) => warning(20 + i, `c${i}`));
    const other: Problem = { severity: 'warning', file: 'p.yaml', line: 30, col: 1, message: "secret 'password' is written literally" };
    const text = formatProblems([...errors, ...four, other], plainStream, { NO_COLOR: '1' });
    expect(text.trimEnd().split('\n')).toHaveLength(11);
    expect(text).not.toContain('more like the one above');
  });
});
