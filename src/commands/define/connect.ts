/**
 * The connection flags every command that talks to Airbyte shares. Cheap to load: defining them needs only
 * commander; the client is loaded by ../connect.ts when a command runs.
 */
import type { Command } from 'commander';
import type { CommandIo } from '../io.js';

const WORKSPACE_ENV = 'AIRBYTE_WORKSPACE';

export function addConnectOptions(command: Command, io: CommandIo): Command {
  return (
    command
      .option('--url <url>', 'Airbyte Config API URL, or `cloud` for Airbyte Cloud (env AIRBYTE_URL; default http://localhost:8000/api/v1)')
      // Read from io.env, not with commander's Option.env(), which reads process.env.
      .option('--workspace <name>', `workspace name, slug or id (env: ${WORKSPACE_ENV})`)
      .option('--emulator', 'run against the embedded emulator; its state is kept per directory under ~/.local/state (env AIRBYTE_EMULATOR_STATE: a file)')
      .option('--debug', 'log every API call (method, path, status, time) to stderr; credentials are never logged')
      .hook('preAction', (self) => {
        const fromEnv = io.env[WORKSPACE_ENV];
        if (self.getOptionValue('workspace') === undefined && fromEnv !== undefined) self.setOptionValueWithSource('workspace', fromEnv, 'env');
      })
  );
}
