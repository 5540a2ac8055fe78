/** A declared name that only looks like one Airbyte holds: the plan would create a second resource, so it warns. */
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/model/problem.js';
import { validate } from '../../src/plan/validate.js';
import {
  connection,
  desiredStream,
  destination,
  maskedPg,
  maskedS3,
  pgConfig,
  pipeline,
  remoteActor,
  remoteConnection,
  remoteState,
  s3Config,
  source,
  storedStream,
} from './fixtures.js';

const CYRILLIC_ER = '\u0440';

function warnings(names: { source: string; connection: string; previousNames?: string[] }): string[] {
  const desired = pipeline({
    sources: [source(names.source, pgConfig, { previousNames: names.previousNames ?? [] })],
    destinations: [destination('lake', s3Config)],
    connections: [connection(names.connection, [desiredStream('customers')], { source: names.source })],
  });
  const remote = remoteState({
    sources: [remoteActor('source', 'src-1', 'pg', maskedPg)],
    destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)],
    connections: [remoteConnection('conn-1', 'pg-to-lake', [storedStream('customers')])],
  });
  return validate(desired, remote)
    .problems.filter((problem) => problem.severity === 'warning' && problem.message.includes('looks the same'))
    .map(formatProblem);
}

describe('a declared name that looks like a remote one of the same kind', () => {
  test('is a warning at its file:line naming both, for sources and connections', () => {
    expect(warnings({ source: `${CYRILLIC_ER}g`, connection: `${CYRILLIC_ER}g-to-lake` })).toEqual([
      `pipelines/shop.yaml:2:5: warning: source '${CYRILLIC_ER}g' looks the same as source 'pg' in Airbyte (id src-1) but is a different name ` +
        `(they differ only by look-alike letters from another script or by Unicode normalisation; ` +
        `character 1 is U+0440 here and U+0070 there): ` +
        `names match exactly, so the plan creates a second source instead of using that one; write the name as Airbyte has it, or rename one`,
      `pipelines/shop.yaml:40:5: warning: connection '${CYRILLIC_ER}g-to-lake' looks the same as connection 'pg-to-lake' in Airbyte (id conn-1) but is a different name ` +
        `(they differ only by look-alike letters from another script or by Unicode normalisation; ` +
        `character 1 is U+0440 here and U+0070 there): ` +
        `names match exactly, so the plan creates a second connection instead of using that one; write the name as Airbyte has it, or rename one`,
    ]);
  });

  test('is no warning when the name is the remote one, or a previous name is', () => {
    expect(warnings({ source: 'pg', connection: 'pg-to-lake' })).toEqual([]);
    expect(warnings({ source: `${CYRILLIC_ER}g`, connection: 'pg-to-lake', previousNames: ['pg'] })).toEqual([]);
  });

  test('is no warning for a different name that looks different', () => {
    expect(warnings({ source: 'pg-2', connection: 'pg-2-to-lake' })).toEqual([]);
  });
});
