#!/usr/bin/env bash
# The GitHub Action's main step (action.yml): runs airbyte-gitops for the `command` input and reports its outputs.
#
# Every input arrives in an INPUT_* environment variable, never as text pasted into this script, so no input can
# run as shell code; `paths` and `flags` are split at white space only (no quotes, no globs, no variables).
# It runs outside GitHub too (the tests do): GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_EVENT_NAME are used
# when they are set. Exit status: plan and drift succeed on 0 (no changes) and 2 (changes); anything else fails.
set -euo pipefail
set -f

fail() {
  echo "::error::airbyte-gitops action: $*" >&2
  exit 1
}

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script is run by action.yml}"
cli=(node "$root/dist/cli/main.js")

command="${INPUT_COMMAND:-plan}"
comment="${INPUT_COMMENT:-true}"
comment_key="${INPUT_COMMENT_KEY:-default}"
plan_file="${INPUT_PLAN_FILE:-airbyte-gitops.plan.json}"
plan_artifact="${INPUT_PLAN_ARTIFACT-airbyte-gitops-plan}"
emulator="${INPUT_EMULATOR:-false}"
workspace="${INPUT_WORKSPACE:-}"

case "$command" in plan | apply | drift) ;; *) fail "command must be plan, apply or drift (got '$command')" ;; esac
case "$comment" in true | false) ;; *) fail "comment must be true or false (got '$comment')" ;; esac
case "$emulator" in true | false) ;; *) fail "emulator must be true or false (got '$emulator')" ;; esac
case "$plan_file" in *$'\n'* | *$'\r'* | '') fail "plan-file must be one file name" ;; esac

# Words of a text, split at spaces, tabs and new lines into the array WORDS.
split_words() {
  WORDS=()
  IFS=$' \t\n' read -r -d '' -a WORDS <<<"$1" || true
}
split_words "${INPUT_PATHS-pipelines}"
paths=(${WORDS[@]+"${WORDS[@]}"})
split_words "${INPUT_FLAGS:-}"
flags=(${WORDS[@]+"${WORDS[@]}"})

is_pull_request() {
  case "${GITHUB_EVENT_NAME:-}" in pull_request | pull_request_target) return 0 ;; *) return 1 ;; esac
}

args=()
markdown=false
case "$command" in
  plan)
    args=(plan ${paths[@]+"${paths[@]}"} --detailed-exitcode --out "$plan_file")
    mkdir -p -- "$(dirname -- "$plan_file")"
    if [ "$comment" = true ] && is_pull_request; then
      args+=(--github-comment --github-comment-key "$comment_key")
    else
      # No comment: the Markdown plan goes to the job summary (and the log).
      args+=(--markdown)
      markdown=true
    fi
    ;;
  drift)
    args=(plan ${paths[@]+"${paths[@]}"} --detailed-exitcode --github-drift-issue --github-comment-key "$comment_key")
    ;;
  apply)
    if [ -n "$plan_artifact" ]; then
      saved="${INPUT_PLAN_DIR:?INPUT_PLAN_DIR is not set}/$(basename -- "$plan_file")"
      [ -f "$saved" ] || fail "the saved plan $saved is not there: was the artifact '$plan_artifact' uploaded by a plan job of this run?"
      args=(apply "$saved" --auto-approve)
      plan_file="$saved"
    else
      args=(apply ${paths[@]+"${paths[@]}"} --auto-approve)
      plan_file=''
    fi
    ;;
esac
if [ -n "$workspace" ]; then args+=(--workspace "$workspace"); fi
if [ "$emulator" = true ]; then args+=(--emulator); fi
args+=(${flags[@]+"${flags[@]}"})

echo "airbyte-gitops$(printf ' %q' "${args[@]}")"
markdown_file="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/airbyte-gitops-plan.$$.md"
set +e
if [ "$markdown" = true ]; then
  "${cli[@]}" "${args[@]}" >"$markdown_file"
else
  "${cli[@]}" "${args[@]}"
fi
code=$?
set -e

if [ "$markdown" = true ]; then
  cat "$markdown_file"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$markdown_file" ]; then
    # GitHub takes at most 1 MiB of summary per step.
    limit=1000000
    if [ "$(wc -c <"$markdown_file")" -gt "$limit" ]; then
      head -c "$limit" "$markdown_file" >>"$GITHUB_STEP_SUMMARY"
      printf '\n\n**The plan is cut here: the whole plan is in the job log.**\n' >>"$GITHUB_STEP_SUMMARY"
    else
      cat "$markdown_file" >>"$GITHUB_STEP_SUMMARY"
    fi
  fi
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$code" != 0 ] && [ "$code" != 2 ]; then
    printf '\n**airbyte-gitops %s failed (exit %s): the error is in the job log.**\n' "$command" "$code" >>"$GITHUB_STEP_SUMMARY"
  fi
  rm -f "$markdown_file"
fi

changes=''
if [ "$command" != apply ]; then
  case "$code" in 0) changes=false ;; 2) changes=true ;; esac
fi
saved_output=''
# The plan saved (plan: exit 0 or 2) or applied (apply: exit 0); empty when there is none.
if { [ "$command" = apply ] && [ "$code" = 0 ]; } || { [ "$command" = plan ] && { [ "$code" = 0 ] || [ "$code" = 2 ]; }; }; then saved_output="$plan_file"; fi
{
  echo "exitcode=$code"
  echo "changes=$changes"
  echo "plan-file=$saved_output"
} >>"${GITHUB_OUTPUT:-/dev/null}"

if [ "$command" != apply ] && [ "$code" = 2 ]; then exit 0; fi
exit "$code"
