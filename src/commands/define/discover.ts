import type { Command } from 'commander';
import type { DiscoverFlags } from '../discover.js';
import type { CommandIo } from '../io.js';
import { addConnectOptions } from './connect.js';

const EXAMPLES = `
Examples:
  $ airbyte-gitops discover 'PostgreSQL - Ecommerce' --emulator
  $ airbyte-gitops discover 'PostgreSQL - Ecommerce' --yaml >> streams.yaml
  $ airbyte-gitops discover 'Sample Data' --json | jq '.streams[].name'

Exit status: 0 on success; 1 when the source is unknown, discovery fails, or on API errors.`;

/** `discover <source-name>`: the streams a source offers. */
export function register(program: Command, io: CommandIo): void {
  const command = program
    .command('discover')
    .description('show the streams a source offers (name, namespace, sync modes, cursor, primary key)')
    .argument('<source-name>', 'source name as in Airbyte')
    .option('--yaml', 'print a ready-to-paste `streams:` block with sensible modes')
    .option('--json', 'print {"source", "streams": [{name, namespace, supportedSyncModes, sourceDefinedCursor, defaultCursorField, sourceDefinedPrimaryKey}]}');
  addConnectOptions(command, io)
    .addHelpText('after', EXAMPLES)
    .action(async (name: string, flags: DiscoverFlags) => (await import('../discover.js')).action(name, flags, io));
}
