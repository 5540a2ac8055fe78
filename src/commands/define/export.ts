import { Option, type Command } from 'commander';
import type { ExportFlags } from '../export.js';
import type { CommandIo } from '../io.js';
import { addConnectOptions } from './connect.js';

/**
 * Where a pipeline repository that installs the tool as a dev dependency finds the schema (made relative to --out);
 * --schema-url overrides it.
 */
export const DEFAULT_SCHEMA_URL = './node_modules/airbyte-gitops/schemas/pipeline.schema.json';

const EXAMPLES = `
Examples:
  $ airbyte-gitops export --emulator > pipeline.yaml
  $ airbyte-gitops export --out pipelines/
  $ airbyte-gitops export 'PostgreSQL → MinIO' --out pipelines/ --force
  $ airbyte-gitops export 'PostgreSQL - Ecommerce' 'MinIO - Bronze' --json

Exit status: 0 on success; 1 when a name is unknown, a file exists (without --force), or on API errors.`;

/** `export [names...]`: the workspace as pipeline YAML. */
export function register(program: Command, io: CommandIo): void {
  const command = program
    .command('export')
    .description('write the existing workspace (or the named resources) as pipeline YAML that plan shows as no changes')
    .argument('[names...]', 'sources, destinations or connections to export (a connection brings its source and destination); default all')
    .option('--out <dir>', 'write one file per connection into this directory (default: one document on stdout)')
    .option('--force', 'with --out: overwrite existing files')
    .addOption(new Option('--schema-url <url>', 'the $schema written on the first line of each file').default(DEFAULT_SCHEMA_URL, DEFAULT_SCHEMA_URL))
    .option('--json', 'print {"workspace", "files": [{name, path, content}], "variables": [{name, kind, resource, path}], "warnings"}');
  addConnectOptions(command, io)
    .addHelpText('after', EXAMPLES)
    .action(async (names: string[], flags: ExportFlags) => (await import('../export.js')).action(names, flags, io));
}
