/**
 * `airbyte-gitops emulator`: serves the Airbyte Config API emulator until SIGINT/SIGTERM. Credentials for the
 * auth modes come from environment variables, never flags (flags end up in shell history and `ps`).
 */
import { Option, type Command } from 'commander';
import { startEmulator, type AuthOptions, type EmulatorOptions, type Flavor } from '../emulator/index.js';
import { fractionFlag, integerFlag } from './flags.js';
import { isLoopbackHost } from '../util/loopback.js';
import type { CommandIo } from './io.js';

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

/** Defaults of the client-credentials mode, documented in docs/emulator.md. */
export const DEFAULT_CLIENT_ID = 'airbyte-gitops-emulator';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';

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

function optionsFrom(flags: EmulatorFlags, env: NodeJS.ProcessEnv): EmulatorOptions {
  return {
    host: flags.host,
    port: flags.port,
    flavor: flags.flavor,
    auth: authFromEnvironment(flags.auth, flags.tokenTtl, env),
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

async function run(flags: EmulatorFlags, io: CommandIo): Promise<void> {
  const emulator = await startEmulator(optionsFrom(flags, io.env));
  if (!isLoopbackHost(flags.host)) {
    const guard = flags.auth === 'none' ? 'anyone who can reach it' : 'anyone with the credentials';
    io.stderr.write(
      `warning: listening on ${flags.host}, not a loopback address: ${guard} on the network can read the configurations ` +
        `sent to it, secrets included (GET /_emulator/state is unmasked); use --host 127.0.0.1 unless other machines must connect\n`,
    );
  }
  // Listen for the signals before announcing the URL: whoever reads the line may stop the emulator at once.
  const stopped = untilSignal(() => emulator.stop());
  io.stdout.write(`Airbyte emulator listening on ${emulator.url}\n`);
  await stopped;
}

const EXAMPLES = `
Examples:
  $ airbyte-gitops emulator --port 8001
  $ airbyte-gitops emulator --port 0 --data ./emulator-state.json --job-duration 500
  $ airbyte-gitops emulator --auth client-credentials --token-ttl 60    # credentials from AIRBYTE_EMULATOR_CLIENT_ID / _SECRET
  $ airbyte-gitops emulator --fault-rate 0.1 --seed 7 --latency 200 --catalogs ./catalogs.yaml
  $ AIRBYTE_URL=http://127.0.0.1:8001/api/v1 airbyte-gitops sync 'PostgreSQL → MinIO' --wait

Exit status: 0 after SIGINT / SIGTERM; 1 when a flag is invalid, the port is in use, or --data / --catalogs is unusable.`;

export function register(program: Command, io: CommandIo): void {
  program
    .command('emulator')
    .description('serve an emulated Airbyte Config API (for quick starts, CI and tests) until interrupted')
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1', '127.0.0.1'))
    .option('--port <port>', 'port to listen on (0 picks a free one; the printed URL tells which)', integerFlag('--port', 0, 65535), 8001)
    .addOption(new Option('--flavor <flavor>', 'server version to imitate').choices(['current', '1.6']).default('current'))
    .addOption(
      new Option('--auth <mode>', 'authentication (credentials from AIRBYTE_EMULATOR_* environment variables)')
        .choices(['none', 'basic', 'client-credentials'])
        .default('none'),
    )
    .option('--token-ttl <seconds>', 'lifetime of client-credentials tokens', integerFlag('--token-ttl', 1), 900)
    .option('--latency <ms>', 'delay before every API response', integerFlag('--latency', 0), 0)
    .option('--fault-rate <p>', 'fraction (0..1) of API calls that fail', fractionFlag('--fault-rate'), 0)
    .option('--seed <n>', 'seed of the fault sequence (same seed, same faults)', integerFlag('--seed', 0), 1)
    .option('--data <file.json>', 'load state from this file at start and save it after every write')
    .option('--catalogs <file.yaml>', 'discovered catalogs per source name, overriding the connectors')
    .option('--job-duration <ms>', 'how long a sync takes from pending to succeeded', integerFlag('--job-duration', 0), 3000)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: EmulatorFlags) => run(flags, io));
}
