/**
 * The two GitHub workflows `init` writes (examples/ci/ in this repository is their default output, a test keeps
 * them equal). Both run the action of this repository (action.yml); the environment carries the Airbyte settings
 * and every `${VAR}` of the pipelines as repository secrets.
 */
import type { ActionRef } from './options.js';

/** The settings of the tool every workflow passes from secrets; the other auth variables are named in a comment. */
export const AIRBYTE_SECRETS = ['AIRBYTE_URL', 'AIRBYTE_CLIENT_ID', 'AIRBYTE_CLIENT_SECRET'] as const;

/** What both workflows are made from. */
export interface WorkflowOptions {
  action: ActionRef;
  /** The branch whose pushes are applied. */
  branch: string;
  /** The `${VAR}`s of the pipelines (secrets), sorted; none for the example. */
  variables: string[];
  /** The folder of the pipelines, relative to the repository root. */
  pipelines: string;
}

export const MAIN_WORKFLOW = '.github/workflows/airbyte-gitops.yml';
export const DRIFT_WORKFLOW = '.github/workflows/airbyte-gitops-drift.yml';

/** YAML single-quoted: a branch such as `1.10` or `on` stays a string. */
export function yamlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * GitHub refuses secret names starting with GITHUB_: such a variable reads a secret of another name. The export
 * never names a variable so (operate/env-names.ts); this guards variables given to the workflows otherwise.
 */
export function secretNameOf(variable: string): string {
  return /^GITHUB_/i.test(variable) ? `PIPELINE_${variable}` : variable;
}

function envBlock(variables: string[]): string {
  const lines = AIRBYTE_SECRETS.map((name) => `  ${name}: \${{ secrets.${name} }}`);
  // A variable that is also a setting of the tool is listed once (the export never makes one: operate/env-names.ts).
  const own = variables.filter((name) => !(AIRBYTE_SECRETS as readonly string[]).includes(name));
  if (own.length > 0) lines.push("  # The pipelines' ${VAR}s (their secrets):", ...own.map((name) => `  ${name}: \${{ secrets.${secretNameOf(name)} }}`));
  return lines.join('\n');
}

const SECRETS_COMMENT = (file: string) =>
  [
    `# Secrets (Settings → Secrets and variables → Actions): AIRBYTE_URL (\`cloud\` for Airbyte Cloud), AIRBYTE_CLIENT_ID`,
    `# and AIRBYTE_CLIENT_SECRET (or AIRBYTE_TOKEN, or AIRBYTE_USERNAME and AIRBYTE_PASSWORD: add them to env:), and`,
    `# each variable of the pipelines listed in env: below.`,
    `# To try ${file} without an Airbyte, remove the "# " before each "emulator: true": each job then runs against`,
    `# an emulator of its own, and nothing reaches an Airbyte.`,
  ].join('\n');

function actionComment(action: ActionRef): string {
  const lines = ['# The action installs airbyte-gitops from its own checkout (npm ci there), never from the npm registry by name.'];
  if (action.placeholder) lines.push('# Replace <org> in `uses:` with the GitHub owner of the airbyte-gitops repository you use.');
  return lines.join('\n');
}

/** Plan on pull requests (one sticky comment), plan + apply of the saved plan on a push to the branch. */
export function mainWorkflow(options: WorkflowOptions): string {
  const { action, branch, pipelines } = options;
  const paths = `['${pipelines}/**', '${MAIN_WORKFLOW}']`;
  return `# airbyte-gitops: Airbyte is made to match the pipelines in ${pipelines}/.
# - A pull request that changes them gets the plan (what would change in Airbyte) as one comment, updated in place
#   on every push, and in the job summary.
# - A push to ${branch} (a merge) plans again and saves that plan; the apply job applies exactly the saved plan,
#   and fails without a change if Airbyte changed in between ("saved plan is stale": re-run all its jobs).
${actionComment(action)}
${SECRETS_COMMENT('this workflow')}
name: airbyte-gitops

on:
  pull_request:
    paths: ${paths}
  push:
    branches: [${yamlString(branch)}]
    paths: ${paths}

permissions:
  contents: read
  pull-requests: write # the plan comment

# Pushes run one at a time, never cancelled while running (a push waiting behind a running one is replaced by a
# newer push, which plans and applies everything merged so far); a new push to a pull request cancels the plan of
# the one before.
concurrency:
  group: airbyte-gitops-\${{ github.event_name == 'push' && 'apply' || github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

env:
${envBlock(options.variables)}

jobs:
  plan:
    runs-on: ubuntu-latest
    outputs:
      changes: \${{ steps.plan.outputs.changes }}
    steps:
      - uses: actions/checkout@v4
      - id: plan
        uses: ${action.uses}
        with:
          command: plan
          paths: ${pipelines}
          # emulator: true

  apply:
    needs: plan
    if: github.event_name == 'push' && needs.plan.outputs.changes == 'true'
    runs-on: ubuntu-latest
    # Protect this environment (Settings → Environments) to have someone approve each apply.
    environment: airbyte-production
    steps:
      - uses: actions/checkout@v4
      - uses: ${action.uses}
        with:
          command: apply
          # --check tests every new or changed source and destination before any write. Add --allow-destroy only
          # where this workflow may delete or replace resources.
          flags: --check
          # emulator: true
`;
}

/** Nightly (and on demand): plan; one issue opened or updated while Airbyte differs from Git, closed when it matches. */
export function driftWorkflow(options: WorkflowOptions): string {
  const { action, branch, pipelines } = options;
  return `# airbyte-gitops drift check: every night, plan ${pipelines}/ against Airbyte. While Airbyte differs from Git (a change
# made in the Airbyte UI, or a merge that was not applied), one issue "Airbyte drifted from Git" is open and updated
# with the plan; it is closed when they match again. Run it by hand from the Actions tab (Run workflow).
# It checks out ${branch}, whatever branch starts it: a scheduled run would otherwise read the default branch.
${actionComment(action)}
${SECRETS_COMMENT('this workflow')}
name: airbyte-gitops drift

on:
  schedule:
    - cron: '17 5 * * *' # 05:17 UTC every day
  workflow_dispatch: {}

permissions:
  contents: read
  issues: write # the drift issue

concurrency:
  group: airbyte-gitops-drift
  cancel-in-progress: false

env:
${envBlock(options.variables)}

jobs:
  drift:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${yamlString(branch)}
      - uses: ${action.uses}
        with:
          command: drift
          paths: ${pipelines}
          # emulator: true
`;
}
