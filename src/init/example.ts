/**
 * The pipeline `init` writes when it does not export a workspace: connectors every Airbyte (and the emulator)
 * knows, no secret to set, so validate and plan work at once, with comments that show how a real one is written.
 */
import { docsUrl, type ActionRef } from './options.js';

export const EXAMPLE_FILE = 'example.yaml';

export function examplePipeline(action: ActionRef, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# An example pipeline: generated sample data → JSON files on the Airbyte host, synced when someone starts it.
# Replace it with your own sources, destinations and connections: every *.yaml file under pipelines/ is read.
# The format: ${docsUrl(action, 'pipeline-format.md')}
#
# Secrets never go in these files. Write \`password: \${PG_PASSWORD}\`, set PG_PASSWORD in your shell to try it,
# and add it to the env: of both workflows in .github/workflows/ and as a repository secret of the same name.
sources:
  - name: Sample Data
    definition: Sample Data (Faker) # a connector, by its name in Airbyte (or its definition id)
    configuration:
      count: 1000
      seed: 42

destinations:
  - name: Local JSON
    definition: Local JSON
    configuration:
      destination_path: /local/airbyte-gitops-example

connections:
  - name: Sample Data → Local JSON
    source: Sample Data
    destination: Local JSON
    schedule: manual # or { units: 6, timeUnit: hours }, or { cron: "0 0 2 * * ?", timezone: UTC }
    streams:
      - name: users
        syncMode: incremental
        destinationSyncMode: append
        cursorField: [updated_at]
      - name: purchases
        syncMode: full_refresh
        destinationSyncMode: overwrite
`;
}
