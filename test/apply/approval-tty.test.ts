/**
 * The approval question on a real terminal: apply runs under `script`, which gives it a pseudo-terminal, and the
 * test answers at the prompt. Only 'yes' applies; anything else writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { hasScript, runOnTerminal } from '../cli.js';
import { emulator, EXAMPLES, writes } from './helpers.js';

/** Runs apply on a pseudo-terminal and types `answer` once the question is shown. */
function applyOnTerminal(url: string, answer: string): Promise<{ code: number | null; output: string }> {
  let answered = false;
  return runOnTerminal(['apply', EXAMPLES, '--url', url], (output, type) => {
    if (!answered && output.includes("Only 'yes' will be accepted:")) {
      answered = true;
      type(`${answer}\r`);
    }
  });
}

describe.skipIf(!hasScript)('apply asks for approval on a terminal', () => {
  it("applies after 'yes'", async () => {
    const server = await emulator();
    const result = await applyOnTerminal(server.url, 'yes');
    expect(result.output).toContain("Apply these changes? Only 'yes' will be accepted:");
    expect(result.output).toContain('Apply complete: 8 created, 0 updated, 0 deleted.');
    expect(result.code).toBe(0);
  });

  it('writes nothing after any other answer', async () => {
    const server = await emulator();
    const result = await applyOnTerminal(server.url, 'y');
    expect(result.output).toContain('apply cancelled; nothing was changed');
    expect(result.code).toBe(1);
    expect(await writes(server)).toBe(0);
  });
});
