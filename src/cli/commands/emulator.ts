/**
 * `airbyte-gitops emulator`: serves the Airbyte Config API emulator until SIGINT/SIGTERM. Credentials for the
 * auth modes come from environment variables, never flags (flags end up in shell history and `ps`).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { startEmulator, type AuthOptions, type EmulatorOptions, type Flavor } from '../../emulator/index.js';

interface EmulatorFlags {
  host: string;
  port: number;
  flavor: Flavor;
  auth: AuthOptions['mode'];
  latency: number;
  faultRate: number;
  seed: number;
  data?: string;
  catalogs?: string;
  tokenTtl: number;
  jobDuration: number;
}

/** Defaults of the client-credentials mode, documented in the README. */
export const DEFAULT_CLIENT_ID = 'airbyte-gitops-emulator';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';

function integer(label: string, minimum: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < minimum) throw new InvalidArgumentError(`${label} must be an integer >= ${minimum}`);
    return parsed;
  };
}

function rate(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1) || value.trim() === '') throw new InvalidArgumentError('must be a number between 0 and 1');
  return parsed;
}

function authFromEnvironment(mode: AuthOptions['mode'], tokenTtlSeconds: number, env: NodeJS.ProcessEnv): AuthOptions {
  if (mode === 'basic') {
    return { mode, username: env['AIRBYTE_EMULATOR_USERNAME'] ?? 'airbyte', password: env['AIRBYTE_EMULATOR_PASSWORD'] ?? 'password' };
  }
  if (mode === 'client-credentials') {
    return {
      mode,
      clientId: env['AIRBYTE_EMULATOR_CLIENT_ID'] ?? DEFAULT_CLIENT_ID,
      clientSecret: env['AIRBYTE_EMULATOR_CLIENT_SECRET'] ?? DEFAULT_CLIENT_SECRET,
      tokenTtlSeconds,
    };
  }
  return { mode: 'none' };
}

function optionsFrom(flags: EmulatorFlags): EmulatorOptions {
  return {
    host: flags.host,
    port: flags.port,
    flavor: flags.flavor,
    auth: authFromEnvironment(flags.auth, flags.tokenTtl, process.env),
    latencyMs: flags.latency,
    faultRate: flags.faultRate,
    seed: flags.seed,
    jobDurationMs: flags.jobDuration,
    ...(flags.data !== undefined ? { dataFile: flags.data } : {}),
    ...(flags.catalogs !== undefined ? { catalogsFile: flags.catalogs } : {}),
  };
}

/** Resolves once a signal arrived and the server has stopped. */
function untilSignal(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop().then(resolve, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function run(flags: EmulatorFlags): Promise<void> {
  const emulator = await startEmulator(optionsFrom(flags));
  process.stdout.write(`Airbyte emulator listening on ${emulator.url}\n`);
  await untilSignal(() => emulator.stop());
}

export function register(program: Command): void {
  program
    .command('emulator')
    .description('serve an emulated Airbyte Config API (for quick starts, CI and tests) until interrupted')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one; the printed URL tells which)', integer('--port', 0), 8001)
    .addOption(new Option('--flavor <flavor>', 'server version to imitate').choices(['current', '1.6']).default('current'))
    .addOption(
      new Option('--auth <mode>', 'authentication (credentials from AIRBYTE_EMULATOR_* environment variables)')
        .choices(['none', 'basic', 'client-credentials'])
        .default('none'),
    )
    .option('--token-ttl <seconds>', 'lifetime of client-credentials tokens', integer('--token-ttl', 1), 900)
    .option('--latency <ms>', 'delay before every API response', integer('--latency', 0), 0)
    .option('--fault-rate <p>', 'fraction (0..1) of API calls that fail', rate, 0)
    .option('--seed <n>', 'seed of the fault sequence (same seed, same faults)', integer('--seed', 0), 1)
    .option('--data <file.json>', 'load state from this file at start and save it after every write')
    .option('--catalogs <file.yaml>', 'discovered catalogs per source name, overriding the connectors')
    .option('--job-duration <ms>', 'how long a sync takes from pending to succeeded', integer('--job-duration', 0), 3000)
    .action(async (flags: EmulatorFlags) => run(flags));
}
