/** The short README `init` writes for the team that owns the pipeline repository. */
import { printable } from '../util/printable.js';
import { docsUrl, repositoryUrl, type ActionRef } from './options.js';
import { AIRBYTE_SECRETS, secretNameOf } from './workflows.js';

export interface ReadmeOptions {
  action: ActionRef;
  branch: string;
  /** The pipelines' `${VAR}`s, sorted. */
  variables: string[];
  /** Where the pipelines came from: the example, or an export of a workspace (its name). */
  exportedFrom?: string;
}

const AIRBYTE_ROWS = [
  '| `AIRBYTE_URL` | The Airbyte Config API, e.g. `https://airbyte.example.com/api/v1`, or `cloud` for Airbyte Cloud |',
  "| `AIRBYTE_CLIENT_ID`, `AIRBYTE_CLIENT_SECRET` | An Airbyte application (client credentials); or `AIRBYTE_TOKEN`, or `AIRBYTE_USERNAME` and `AIRBYTE_PASSWORD`, added to the workflows' `env:` |",
];

function secretsTable(variables: string[]): string {
  const own = variables.filter((name) => !(AIRBYTE_SECRETS as readonly string[]).includes(name));
  const rows = own.map((name) =>
    secretNameOf(name) === name
      ? `| \`${name}\` | A secret of the pipelines (\`\${${name}}\`) |`
      : `| \`${secretNameOf(name)}\` | A secret of the pipelines (\`\${${name}}\`; GitHub refuses secret names starting with GITHUB_) |`,
  );
  return ['| Secret | What |', '|---|---|', ...AIRBYTE_ROWS, ...rows].join('\n');
}

export function teamReadme(options: ReadmeOptions): string {
  const { action, branch } = options;
  const origin =
    options.exportedFrom === undefined
      ? '`pipelines/example.yaml` is an example to replace with your own.'
      : `They were first exported from the Airbyte workspace '${printable(options.exportedFrom).replace(/[`*_<>[\]\\|]/g, (ch) => `&#${ch.charCodeAt(0)};`)}'.`;
  return `# Airbyte pipelines

This repository holds our Airbyte sources, destinations and connections as YAML files in \`pipelines/\`, and
[airbyte-gitops](${repositoryUrl(action)}) makes Airbyte match them. ${origin}
Change Airbyte here, not in its UI: a change made in the UI is reported as drift and undone by the next apply.

## How a change flows

1. Change a file under \`pipelines/\` on a branch, and open a pull request.
2. The \`airbyte-gitops\` workflow plans it: one comment on the pull request shows what would change in Airbyte,
   and is updated on every push. Review the plan with the change.
3. Merge. On \`${branch}\`, the workflow plans again and saves the plan; its \`apply\` job (environment
   \`airbyte-production\`) applies exactly that plan.
4. Every night, the \`airbyte-gitops drift\` workflow plans against Airbyte: while Airbyte differs from
   \`${branch}\`, one issue "Airbyte drifted from Git" is open; it is closed when they match again.

## Secrets to set

In Settings → Secrets and variables → Actions, as repository secrets:

${secretsTable(options.variables)}

A pull request from a fork gets no secrets and a read-only token: its plan fails or cannot comment.

## Try a change on your machine

[Install airbyte-gitops](${docsUrl(action, 'install.md')}), then check the files and plan them against the
emulator, an Airbyte that runs inside the tool (no server, no secrets sent anywhere):

\`\`\`sh
airbyte-gitops validate pipelines
airbyte-gitops plan pipelines --emulator
\`\`\`

Against the real Airbyte, set the secrets above in your shell and run \`airbyte-gitops plan pipelines\`.
Changes reach Airbyte by merging: do not run \`apply\` against it by hand.
`;
}
