#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): airbyte-gitops from the action's own checkout. `npm ci` installs
# the locked dependencies and builds dist/ through the `prepare` script; nothing is fetched by the tool's name.
# A second use of the action in the same job finds it built and skips the install.
set -euo pipefail

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script is run by action.yml}"
cd "$root"
if [ -f dist/cli/main.js ] && [ -f node_modules/.package-lock.json ]; then
  echo "airbyte-gitops is already installed in $root"
else
  npm ci --no-audit --no-fund
  # `prepare` builds dist/; a runner whose npm configuration skips scripts gets the build here.
  [ -f dist/cli/main.js ] || npm run build
fi
echo "airbyte-gitops $(node dist/cli/main.js --version)"
