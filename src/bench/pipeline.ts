/** Generates large pipelines for benchmarks: n Postgres sources (with a password) → n S3 destinations. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pad = (i: number) => String(i).padStart(3, '0');

/** Writes `pipeline.yaml` with n sources, n destinations and n connections into `dir`; returns the env it needs. */
export function writeLargePipeline(dir: string, n: number): NodeJS.ProcessEnv {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = ['sources:'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - name: pg-${pad(i)}`,
      '    definition: Postgres',
      '    configuration:',
      `      { host: db-${pad(i)}.internal, port: 5432, database: ecommerce, username: reader, password: "\${BENCH_PG_PASSWORD}", ssl_mode: { mode: disable }, replication_method: { method: Standard } }`,
    );
  }
  lines.push('destinations:');
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - name: lake-${pad(i)}`,
      '    definition: S3',
      '    configuration:',
      `      { s3_bucket_name: lake-${pad(i)}, s3_bucket_path: raw/, s3_bucket_region: us-east-1, access_key_id: "\${BENCH_S3_KEY}", secret_access_key: "\${BENCH_S3_SECRET}", format: { format_type: Parquet, compression_codec: SNAPPY } }`,
    );
  }
  lines.push('connections:');
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - name: pg-${pad(i)} → lake-${pad(i)}`,
      `    source: pg-${pad(i)}`,
      `    destination: lake-${pad(i)}`,
      '    schedule: { units: 6, timeUnit: hours }',
      '    streams:',
      '      - { name: customers, namespace: public, syncMode: incremental, destinationSyncMode: append, cursorField: [updated_at] }',
      '      - { name: orders, namespace: public, syncMode: full_refresh, destinationSyncMode: overwrite }',
    );
  }
  writeFileSync(join(dir, 'pipeline.yaml'), lines.join('\n') + '\n');
  return { BENCH_PG_PASSWORD: 'bench-pg-password', BENCH_S3_KEY: 'bench-key', BENCH_S3_SECRET: 'bench-secret' };
}
