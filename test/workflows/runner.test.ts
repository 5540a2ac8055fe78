/**
 * The runner stand-in (runner.ts) reads the expressions of action.yml and init's workflows as GitHub does: a wrong
 * reading would make the end-to-end tests run a step GitHub skips, or skip one it runs.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, interpolate, type Contexts } from './runner.js';

const contexts = (github: Record<string, string>, needs: Contexts['needs'] = {}): Contexts => ({
  github,
  secrets: { AIRBYTE_URL: 'http://airbyte' },
  inputs: { command: 'plan', 'plan-artifact': '' },
  steps: { run: { outputs: { 'plan-file': 'p.json' } } },
  needs,
  runner: { temp: '/tmp/r' },
  env: {},
});

describe('runner expressions', () => {
  it.each([
    ["github.event_name == 'push' && needs.plan.outputs.changes == 'true'", 'push', 'true', 'true'],
    ["github.event_name == 'push' && needs.plan.outputs.changes == 'true'", 'pull_request', 'true', 'false'],
    ["github.event_name == 'push' && needs.plan.outputs.changes == 'true'", 'push', 'false', 'false'],
    ["github.event_name == 'push' && 'apply' || github.ref", 'push', '', 'apply'],
    ["github.event_name == 'push' && 'apply' || github.ref", 'pull_request', '', 'refs/pull/1/merge'],
    ["github.event_name == 'PUSH'", 'push', '', 'true'],
    ["!(github.event_name != 'push')", 'push', '', 'true'],
  ])('%s (event %s, changes %s) is %s', (expression, event, changes, expected) => {
    const value = evaluate(expression, contexts({ event_name: event, ref: 'refs/pull/1/merge' }, { plan: { outputs: { changes }, result: 'success' } }));
    expect(value).toBe(expected);
  });

  it('reads inputs, steps, secrets and runner; a missing secret is empty', () => {
    const c = contexts({ event_name: 'push' });
    expect(evaluate("inputs.command == 'plan' && inputs.plan-artifact != '' && steps.run.outputs.plan-file != ''", c)).toBe('false');
    expect(interpolate('${{ runner.temp }}/x ${{ secrets.AIRBYTE_URL }} [${{ secrets.NONE }}]', c)).toBe('/tmp/r/x http://airbyte []');
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(() => evaluate("contains(github.ref, 'x')", contexts({}))).toThrow(/runner/);
    expect(() => evaluate('vars.X', contexts({}))).toThrow(/unknown context 'vars'/);
  });
});
