/** `definition:` by docker repository, against the emulator's built-in connectors (their real repositories). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, POSTGRES_SOURCE, S3_DESTINATION, startEnv } from '../operate/helpers.js';
import { EXAMPLES } from '../cli.js';
import { tempDir } from '../temp.js';

const example = readFileSync(join(EXAMPLES, 'ecommerce.yaml'), 'utf8');

/** The README's example pipeline with its two definitions written as `source` and `destination`. */
function withDefinitions(source: string, destination: string): string {
  const dir = tempDir();
  const file = join(dir, 'ecommerce.yaml');
  writeFileSync(file, example.replace('definition: Postgres', `definition: ${source}`).replace('definition: S3', `definition: ${destination}`));
  return file;
}

describe('definition by image', () => {
  test('the whole repository and the short image both resolve, and plan the same as the names', async () => {
    const env = await startEnv();
    const url = env.emulator.url;
    const file = withDefinitions('airbyte/source-postgres', 'destination-s3');
    const applied = await cli(['apply', file, '--auto-approve'], { url });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const { sources, destinations } = env.emulator.state;
    expect(sources.map((source) => source.definitionId)).toEqual([POSTGRES_SOURCE]);
    expect(destinations.map((destination) => destination.definitionId)).toEqual([S3_DESTINATION]);

    for (const [source, destination] of [
      ['source-postgres', 'airbyte/destination-s3'],
      ['Postgres', 'S3'],
    ]) {
      const again = await cli(['plan', withDefinitions(source ?? '', destination ?? '')], { url });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('No changes.');
    }
  });

  test('a misspelled or mismatched image is an error at its line, with a suggestion among names and images', async () => {
    const env = await startEnv();
    const file = withDefinitions('source-postgress', 'airbyte/source-mysql');
    const result = await cli(['plan', file], { url: env.emulator.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:7:17: error: source 'PostgreSQL - Ecommerce': unknown source definition 'source-postgress' (did you mean 'source-postgres'?)`,
    );
    expect(result.stderr).toContain(
      `${file}:20:17: error: destination 'MinIO - Bronze': 'airbyte/source-mysql' ('MySQL') is a source definition, not a destination definition`,
    );
  });
});
