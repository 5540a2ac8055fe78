import { Option, type Command } from 'commander';
import type { EmulatorFlags } from '../emulator.js';
import { fractionFlag, integerFlag } from '../flags.js';
import type { CommandIo } from '../io.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops emulator --port 8001
  $ airbyte-gitops emulator --port 0 --data ./emulator-state.json --job-duration 500
  $ airbyte-gitops emulator --auth client-credentials --token-ttl 60    # credentials from AIRBYTE_EMULATOR_CLIENT_ID / _SECRET
  $ airbyte-gitops emulator --auth client-credentials --token-port 8002  # token URL http://127.0.0.1:8002/v1/applications/token
  $ airbyte-gitops emulator --registry https://connectors.airbyte.com/files/registries/v0/oss_registry.json
  $ airbyte-gitops emulator --fault-rate 0.1 --seed 7 --latency 200 --catalogs ./catalogs.yaml
  $ AIRBYTE_URL=http://127.0.0.1:8001/api/v1 airbyte-gitops sync 'PostgreSQL → MinIO' --wait

Exit status: 0 after SIGINT / SIGTERM; 1 when a flag is invalid, the port is in use, or --data / --catalogs / --registry is unusable.`;

/** `emulator`: serve the emulated Config API until interrupted. The emulator itself is loaded when the command runs. */
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
    .option(
      '--token-port <port>',
      'serve applications/token on this port alone, at /v1/applications/token, as Airbyte Cloud does',
      integerFlag('--token-port', 0, 65535),
    )
    .option('--latency <ms>', 'delay before every API response', integerFlag('--latency', 0), 0)
    .option('--fault-rate <p>', 'fraction (0..1) of API calls that fail', fractionFlag('--fault-rate'), 0)
    .option('--seed <n>', 'seed of the fault sequence (same seed, same faults)', integerFlag('--seed', 0), 1)
    .option('--data <file.json>', 'load state from this file at start and save it after every write')
    .option('--catalogs <file.yaml>', 'discovered catalogs per source name, overriding the connectors')
    .option('--registry <file|url>', "serve every connector of Airbyte's connector registry (a URL is fetched once and cached)")
    .option('--job-duration <ms>', 'how long a sync takes from pending to succeeded', integerFlag('--job-duration', 0), 3000)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: EmulatorFlags) => (await import('../emulator.js')).action(flags, io));
}
