/**
 * The loader's "the source must define a cursor / primary key" warnings are dropped once plan holds the source's
 * catalog and that catalog shows the source defines them; they stay when the catalog is unknown or says otherwise.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { withoutAnsweredKeyWarnings } from '../../src/plan/checks/keys.js';
import type { RemoteState } from '../../src/model/remote.js';
import { tempDir } from '../temp.js';
import { maskedPg, maskedS3, remoteActor, remoteConnection, remoteState, storedStream } from './fixtures.js';

const YAML = `sources:
  - name: pg
    definition: Postgres
    configuration: { host: db.internal }
destinations:
  - name: lake
    definition: S3
    configuration: { s3_bucket_name: lake }
connections:
  - name: pg-to-lake
    source: pg
    destination: lake
    streams:
      - name: users
        namespace: public
        syncMode: incremental
        destinationSyncMode: append_dedup
`;

function loaded() {
  const file = join(tempDir(), 'pipeline.yaml');
  writeFileSync(file, YAML);
  const result = loadPipeline([file], {});
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return result;
}

function remoteWith(stream: Parameters<typeof storedStream>[2]): RemoteState {
  return remoteState({
    sources: [remoteActor('source', 'src-1', 'pg', maskedPg)],
    destinations: [remoteActor('destination', 'dst-1', 'lake', maskedS3)],
    connections: [remoteConnection('conn-1', 'pg-to-lake', [storedStream('users', {}, stream)])],
  });
}

const messages = (problems: { message: string }[]) => problems.map((problem) => problem.message);

describe('warnings the catalog answers', () => {
  test('the loader warns about the cursor and the primary key (no catalog)', () => {
    const { problems } = loaded();
    expect(messages(problems)).toEqual([
      "stream 'users' of connection 'pg-to-lake' is incremental but has no 'cursorField': the source must define a cursor",
      "stream 'users' of connection 'pg-to-lake' uses append_dedup but has no 'primaryKey': the source must define one",
    ]);
  });

  test('a stored catalog whose source defines cursor and key drops both warnings', () => {
    const { pipeline, problems } = loaded();
    const remote = remoteWith({ sourceDefinedCursor: true, defaultCursorField: ['updated_at'], sourceDefinedPrimaryKey: [['id']] });
    expect(withoutAnsweredKeyWarnings(problems, pipeline, remote)).toEqual([]);
  });

  test('a catalog defining only the cursor keeps the primary-key warning', () => {
    const { pipeline, problems } = loaded();
    const remote = remoteWith({ sourceDefinedCursor: true, defaultCursorField: ['updated_at'] });
    expect(messages(withoutAnsweredKeyWarnings(problems, pipeline, remote))).toEqual([
      "stream 'users' of connection 'pg-to-lake' uses append_dedup but has no 'primaryKey': the source must define one",
    ]);
  });

  test('a discovered catalog answers for a source whose connection does not exist yet', () => {
    const { pipeline, problems } = loaded();
    const remote = remoteState({
      sources: [remoteActor('source', 'src-1', 'pg', maskedPg)],
      discovered: { 'src-1': { streams: [storedStream('users', {}, { sourceDefinedCursor: true, sourceDefinedPrimaryKey: [['id']] })] } },
    });
    expect(withoutAnsweredKeyWarnings(problems, pipeline, remote)).toEqual([]);
  });

  test('a new source discovered at plan time answers too', () => {
    const { pipeline, problems } = loaded();
    const remote = remoteState({
      discoveredNew: { pg: { streams: [storedStream('users', {}, { sourceDefinedCursor: true, sourceDefinedPrimaryKey: [['id']] })] } },
    });
    expect(withoutAnsweredKeyWarnings(problems, pipeline, remote)).toEqual([]);
  });

  test('an unknown catalog (new source not discovered) keeps both warnings', () => {
    const { pipeline, problems } = loaded();
    expect(withoutAnsweredKeyWarnings(problems, pipeline, remoteState({}))).toEqual(problems);
  });
});
