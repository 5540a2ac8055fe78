/**
 * `airbyte-gitops emulator`: serves the Airbyte Config API emulator until SIGINT/SIGTERM. Credentials for the
 * auth modes come from environment variables, never flags (flags end up in shell history and `ps`).
 */
import { startEmulator, type AuthOptions, type EmulatorOptions, type Flavor } from '../emulator/index.js';
import { loadRegistry, type ConnectorRegistry } from '../registry/index.js';
import { isLoopbackHost } from '../util/loopback.js';
import type { CommandIo } from './io.js';

export interface EmulatorFlags {
  host: string;
  port: number;
  flavor: Flavor;
  auth: AuthOptions['mode'];
  latency: number;
  faultRate: number;
  seed: number;
  data?: string;
  catalogs?: string;
  registry?: string;
  tokenTtl: number;
  tokenPort?: number;
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

function optionsFrom(flags: EmulatorFlags, env: NodeJS.ProcessEnv, registry: ConnectorRegistry | undefined): EmulatorOptions {
  return {
    host: flags.host,
    port: flags.port,
    flavor: flags.flavor,
    auth: authFromEnvironment(flags.auth, flags.tokenTtl, env),
    latencyMs: flags.latency,
    faultRate: flags.faultRate,
    seed: flags.seed,
    jobDurationMs: flags.jobDuration,
    ...(flags.tokenPort !== undefined ? { tokenEndpoint: { port: flags.tokenPort } } : {}),
    ...(flags.data !== undefined ? { dataFile: flags.data } : {}),
    ...(flags.catalogs !== undefined ? { catalogsFile: flags.catalogs } : {}),
    ...(registry !== undefined ? { registry } : {}),
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

/** Starts the emulator, prints its URL, and serves until SIGINT / SIGTERM. */
export async function action(flags: EmulatorFlags, io: CommandIo): Promise<void> {
  const note = (line: string): void => void io.stderr.write(`emulator: ${line.replace(/^note: /, '')}\n`);
  const registry = flags.registry === undefined ? undefined : await loadRegistry(flags.registry, { cwd: io.cwd, env: io.env, note });
  const emulator = await startEmulator(optionsFrom(flags, io.env, registry));
  if (registry !== undefined) note(emulator.connectorSummary);
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
  if (flags.tokenPort !== undefined) io.stdout.write(`Token endpoint (AIRBYTE_TOKEN_URL): ${emulator.tokenUrl}\n`);
  await stopped;
}
