/**
 * One GitHub Actions job in a test: an emulated Airbyte, the fake GitHub API, a pipeline directory, the event file
 * and job summary file Actions would give, and `plan` run in-process with that environment.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from '../cli.js';
import { startEnv, type Env } from '../operate/helpers.js';
import { tempDir } from '../temp.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
export const PR_NUMBER = 7;
/** A pipeline secret: it must never reach GitHub. */
export const DB_PASSWORD = 'pg-pass-7f3c9e1b2d';

/** The pipeline: Postgres (with a secret) → Local JSON, one connection. `name` lets a test use a hostile connection name. */
export function pipelineYaml(options: { connection?: string; units?: number } = {}): string {
  return `sources:
  - name: pg
    definition: Postgres
    configuration:
      host: db.internal
      port: 5432
      database: shop
      schemas: [public]
      username: reader
      password: \${SHOP_DB_PASS}
      ssl_mode: { mode: disable }
      replication_method: { method: Standard }
destinations:
  - name: files
    definition: Local JSON
    configuration:
      destination_path: /local/shop
connections:
  - name: ${JSON.stringify(options.connection ?? 'pg-to-files')}
    source: pg
    destination: files
    schedule: { units: ${options.units ?? 6}, timeUnit: hours }
    streams:
      - name: customers
        namespace: public
        syncMode: full_refresh
        destinationSyncMode: overwrite
`;
}

export interface Job {
  airbyte: Env;
  github: FakeGitHub;
  dir: string;
  pipeline: string;
  summary: string;
  env: Record<string, string>;
  writePipeline(yaml: string): void;
  plan(...args: string[]): Promise<CliResult>;
  apply(): Promise<CliResult>;
  summaryText(): string;
}

/** A pull-request job (event `pull_request` #7 at HEAD_SHA); `event` replaces the event file's JSON. */
export async function startJob(options: { event?: unknown; eventName?: string } = {}): Promise<Job> {
  const airbyte = await startEnv();
  const github = await startFakeGitHub();
  const dir = tempDir('gitops-github-');
  const pipeline = join(dir, 'pipelines');
  const eventPath = join(dir, 'event.json');
  const summary = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event ?? { action: 'synchronize', pull_request: { number: PR_NUMBER, head: { sha: HEAD_SHA } } }));
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: github.token,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98',
    GITHUB_STEP_SUMMARY: summary,
    // Named so that only the plan (an airbyte_secret path), not the variable's name, says it is a secret.
    SHOP_DB_PASS: DB_PASSWORD,
  };
  const job: Job = {
    airbyte,
    github,
    dir,
    pipeline,
    summary,
    env,
    writePipeline(yaml) {
      writeFileSync(join(dir, 'pipeline.yaml'), yaml);
    },
    plan: (...args) => runCli(['plan', join(dir, 'pipeline.yaml'), '--url', airbyte.emulator.url, ...args], { env }),
    apply: () => runCli(['apply', join(dir, 'pipeline.yaml'), '--url', airbyte.emulator.url, '--auto-approve'], { env }),
    summaryText: () => (existsSync(summary) ? readFileSync(summary, 'utf8') : ''),
  };
  job.writePipeline(pipelineYaml());
  return job;
}
