#!/usr/bin/env bash
# The GitHub Action's main step (action.yml): runs airbyte-gitops for the `command` input and reports its outputs.
#
# Every input arrives in an INPUT_* environment variable, never as text pasted into this script, so no input can
# run as shell code; `paths` and `flags` are split at white space only (no quotes, no globs, no variables).
# It runs outside GitHub too (the tests do): GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_EVENT_NAME are used
# when they are set. Exit status: plan and drift succeed on 0 (no changes) and 2 (changes); anything else fails.
set -euo pipefail
set -f

# A workflow command's message with GitHub's escapes (% CR LF), so that no input can end the line and start a
# command of its own.
escape_command_data() {
  local text="${1//'%'/%25}"
  text="${text//$'\r'/%0D}"
  printf '%s' "${text//$'\n'/%0A}"
}

# Every annotation the script prints goes through here: `annotate error|warning MESSAGE`.
annotate() {
  printf '::%s::%s\n' "$1" "$(escape_command_data "airbyte-gitops action: $2")" >&2
}

fail() {
  annotate error "$*"
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
# plan-file is the path upload-artifact uploads, and upload-artifact reads its path as glob patterns, one a line: a
# plan-file is a plain relative path to a file inside the workspace, which uploads exactly the plan saved there.
case "$plan_file" in
  *$'\n'* | *$'\r'* | '') fail "plan-file must be one file name" ;;
  *'*'* | *'?'* | *'['* | *']'* | '!'* | '#'* | '~'* | *'\'*)
    fail "plan-file must be a plain file path: upload-artifact reads * ? [ ] \\ and a leading ! # ~ as patterns (got '$plan_file')" ;;
  [[:space:]]* | *[[:space:]]) fail "plan-file must not begin or end with white space (got '$plan_file')" ;;
  /* | [A-Za-z]:* | .. | ../* | */.. | */../* | */ | . | */.)
    fail "plan-file must be a relative path to a file inside the workspace, without '..' (got '$plan_file')" ;;
esac

# Words of a text, split at spaces, tabs and new lines into the array WORDS.
split_words() {
  WORDS=()
  IFS=$' \t\n' read -r -d '' -a WORDS <<<"$1" || true
}
# Empty (or only white space) paths: the default, pipelines, as for every other input.
split_words "${INPUT_PATHS:-}"
paths=(${WORDS[@]+"${WORDS[@]}"})
if [ "${#paths[@]}" = 0 ]; then paths=(pipelines); fi
split_words "${INPUT_FLAGS:-}"
flags=(${WORDS[@]+"${WORDS[@]}"})

# Flags that would break what the action promises are refused; the others go to the tool as given, after the
# action's own (a repeated --detailed-exitcode, --auto-approve or --emulator changes nothing; --workspace there
# wins over the workspace input; a flag the command does not know is the tool's error).
for flag in ${flags[@]+"${flags[@]}"}; do
  case "$flag" in
    --) break ;; # what follows is paths, not flags
    -h | --help | -V | --version | -[!-]*[hV]*)
      fail "flags: $flag prints the help or the version and runs nothing: remove it" ;;
    --github-*)
      fail "flags: $flag is the action's: set the comment and comment-key inputs, and command: drift for the drift issue" ;;
  esac
  if [ "$command" = plan ]; then
    case "$flag" in
      --out | --out=*)
        fail "flags: $flag: plan saves the plan to the plan-file input, which the action uploads and names in its plan-file output: set plan-file instead" ;;
      --json | --json=* | --markdown | --markdown=*)
        fail "flags: $flag: the action chooses the plan's format (the comment on a pull request, else Markdown in the job summary): remove it" ;;
    esac
  fi
done

# GitHub takes at most 1 MiB of summary per step: the Markdown plan whole, or cut with a note that says so.
SUMMARY_LIMIT=1000000
append_summary() {
  local file="$1" cut
  if [ "$(wc -c <"$file")" -le "$SUMMARY_LIMIT" ]; then
    cat "$file" >>"$GITHUB_STEP_SUMMARY"
    return
  fi
  cut="$file.cut"
  # Whole lines only, so no UTF-8 character is split (no byte of one is a line break); the last line read may be
  # partial and is dropped. 4 KiB are left for the closing lines and the note.
  head -c "$((SUMMARY_LIMIT - 4096))" "$file" | LC_ALL=C sed '$d' >"$cut"
  {
    cat "$cut"
    close_open_blocks <"$cut"
    printf '\n**The plan is cut here: the whole plan is in the job log.**\n'
  } >>"$GITHUB_STEP_SUMMARY"
  rm -f -- "$cut"
}

# Reads Markdown and prints the lines that close what is still open at its end: a code fence, then <pre>, then
# <details> elements (the order the plan nests them in), so that the note after them is not inside one.
close_open_blocks() {
  LC_ALL=C awk '
    function count(text, tag,   n, at) {
      n = 0
      while ((at = index(text, tag)) > 0) { n++; text = substr(text, at + length(tag)) }
      return n
    }
    function run(text,   c, n) {
      c = substr(text, 1, 1); n = 0
      if (c == "") return 0
      while (substr(text, n + 1, 1) == c) n++
      return n
    }
    {
      text = $0
      sub(/^ ? ? ?/, "", text)
      if (fence != "") {
        n = run(text)
        if (substr(text, 1, 1) == substr(fence, 1, 1) && n >= length(fence) && substr(text, n + 1) ~ /^[ \t]*$/) fence = ""
        next
      }
      if (pre == 0 && (text ~ /^```/ || text ~ /^~~~/)) { fence = substr(text, 1, run(text)); next }
      lower = tolower($0)
      pre += count(lower, "<pre>") + count(lower, "<pre ") - count(lower, "</pre>")
      details += count(lower, "<details>") + count(lower, "<details ") - count(lower, "</details>")
      if (pre < 0) pre = 0
      if (details < 0) details = 0
    }
    END {
      if (fence != "") print fence
      for (i = 0; i < pre; i++) print "</pre>"
      if (details > 0) print ""
      for (i = 0; i < details; i++) print "</details>"
    }
  '
}

is_pull_request() {
  case "${GITHUB_EVENT_NAME:-}" in pull_request | pull_request_target) return 0 ;; *) return 1 ;; esac
}

args=()
markdown=false
case "$command" in
  plan)
    args=(plan ${paths[@]+"${paths[@]}"} --detailed-exitcode --out "$plan_file")
    mkdir -p -- "$(dirname -- "$plan_file")"
    # An earlier file of that name (a leftover of the checkout or an earlier step) is never taken for this plan.
    if [ ! -d "$plan_file" ]; then rm -f -- "$plan_file"; fi
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
    append_summary "$markdown_file"
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
# plan: only a file this run wrote (the earlier one was removed before it ran).
if { [ "$command" = apply ] && [ "$code" = 0 ]; } || { [ "$command" = plan ] && { [ "$code" = 0 ] || [ "$code" = 2 ]; } && [ -f "$plan_file" ]; }; then
  saved_output="$plan_file"
fi
{
  echo "exitcode=$code"
  echo "changes=$changes"
  echo "plan-file=$saved_output"
} >>"${GITHUB_OUTPUT:-/dev/null}"

if [ "$command" != apply ] && [ "$code" = 2 ]; then exit 0; fi
exit "$code"
