/**
 * Files a hostile pull request could add: they must be refused or loaded quickly, never hang or eat memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { tempDir } from '../temp.js';

const messages = (paths: string[]) => loadPipeline(paths, {}).problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`);

/** A source whose configuration has `count` keys (k0, k1, ...), one per line from line 5 on. */
function bigConfiguration(count: number, extra = ''): string {
  const lines = ['sources:', '  - name: big', '    definition: Postgres', '    configuration:'];
  for (let index = 0; index < count; index++) lines.push(`      k${index}: v`);
  return `${lines.join('\n')}\n${extra}`;
}

describe('duplicate keys', () => {
  it('loads a mapping of 60,000 keys (just under the size limit): the duplicate check is linear', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, bigConfiguration(60_000));
    expect(messages([file])).toEqual([]);
  });

  it('names a repeated key at its own line, also far down a large mapping', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, bigConfiguration(5_000, '      k7: again\n'));
    expect(messages([file])).toEqual(["5005:7 key 'k7' appears twice in the same mapping"]);
  });

  it('finds repeats in nested and flow mappings, each once', () => {
    const file = join(tempDir(), 'nested.yaml');
    writeFileSync(
      file,
      [
        'sources:',
        '  - name: pg',
        '    definition: Postgres',
        '    configuration: &config',
        '      ssl: { mode: a, mode: b }',
        'x: *config',
        'sources: []',
        '',
      ].join('\n'),
    );
    expect(messages([file])).toEqual(["5:23 key 'mode' appears twice in the same mapping", "7:1 key 'sources' appears twice in the same mapping"]);
  });
});
