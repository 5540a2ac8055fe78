import type { Command } from 'commander';
import { discoverStreams, renderStreamsTable, streamJson, streamsYaml } from '../operate/discover.js';
import { addConnectOptions, withClient, type ConnectFlags } from './connect.js';

interface DiscoverFlags extends ConnectFlags {
  json?: boolean;
  yaml?: boolean;
}

const EXAMPLES = `
Examples:
  $ airbyte-gitops discover 'PostgreSQL - Ecommerce' --emulator
  $ airbyte-gitops discover 'PostgreSQL - Ecommerce' --yaml >> streams.yaml
  $ airbyte-gitops discover 'Sample Data' --json | jq '.streams[].name'

Exit status: 0 on success; 1 when the source is unknown, discovery fails, or on API errors.`;

/** `discover <source-name>`: the streams a source offers. */
export function register(program: Command): void {
  const command = program
    .command('discover')
    .description('show the streams a source offers (name, namespace, sync modes, cursor, primary key)')
    .argument('<source-name>', 'source name as in Airbyte')
    .option('--yaml', 'print a ready-to-paste `streams:` block with sensible modes')
    .option('--json', 'print {"source", "streams": [{name, namespace, supportedSyncModes, sourceDefinedCursor, defaultCursorField, sourceDefinedPrimaryKey}]}');
  addConnectOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (name: string, flags: DiscoverFlags) => {
      await withClient(flags, async (client) => {
        const { source, catalog } = await discoverStreams(client, flags.workspace, name);
        const streams = catalog.streams.map(({ stream }) => streamJson(stream));
        if (flags.json) process.stdout.write(JSON.stringify({ source, streams }, null, 2) + '\n');
        else if (flags.yaml) process.stdout.write(streamsYaml(streams));
        else process.stdout.write(renderStreamsTable(streams));
      });
    });
}
