/** A configuration with thousands of keys its connector does not declare: a few listed, the rest counted. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/model/problem.js';
import { checkConfiguration } from '../../src/plan/checks/configuration.js';
import { loadPipeline } from '../../src/pipeline/load.js';
import { tempDir } from '../temp.js';
import { PG, pgSpec } from './fixtures.js';

/** Problems of source 'big', whose configuration holds `extra` lines after the valid keys (from line 9 on). */
function problems(extra: string[]): string[] {
  const file = join(tempDir(), 'big.yaml');
  const lines = [
    'sources:',
    '  - name: big',
    '    definition: Postgres',
    '    configuration:',
    '      host: db',
    '      port: 5432',
    '      database: shop',
    '      username: app',
  ];
  writeFileSync(file, [...lines, ...extra.map((line) => `      ${line}`)].join('\n') + '\n');
  const loaded = loadPipeline([file], {});
  expect(loaded.problems).toEqual([]);
  const [actor] = loaded.pipeline.sources;
  const checked = checkConfiguration(actor!, { kind: 'source', definitionId: PG, connectionSpecification: pgSpec }, 'Postgres');
  return checked.problems.map((problem) => formatProblem(problem).replace(`${file}:`, ''));
}

/** At the value of `key: v`, as unknown keys are reported. */
const ignored = (key: string, line: number) =>
  `${line}:${9 + key.length}: warning: source 'big': configuration.${key} is not a field of connector 'Postgres'; Airbyte will store it but the connector ignores it`;

describe('unknown configuration keys past the first 20 of an object', () => {
  test('are counted in one warning at the first of them', () => {
    const keys = Array.from({ length: 5_000 }, (_, index) => `k${index}: v`);
    const found = problems(keys);
    expect(found.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, index) => ignored(`k${index}`, 9 + index)));
    expect(found.slice(20)).toEqual([
      `29:12: warning: source 'big': configuration has 4,980 more keys that are not fields of connector 'Postgres' ('k20', 'k21', 'k22', …), not listed one by one: only 20 are`,
    ]);
  });

  test('make an error when a likely typo is among them, so it is not missed', () => {
    const keys = [...Array.from({ length: 25 }, (_, index) => `k${index}: v`), 'pasword: x'];
    expect(problems(keys).slice(20)).toEqual([
      `29:12: error: source 'big': configuration has 6 more keys that are not fields of connector 'Postgres' ('k20', 'k21', 'k22', …), not listed one by one: only 20 are; one of them looks like a misspelled field`,
    ]);
  });
});
