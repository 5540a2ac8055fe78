/**
 * What `init` is told, checked: the action the workflows use, the default branch, the `$schema` of the pipeline
 * files. Pure: the values come from flags and the environment in commands/init.ts.
 */
import { GitopsError } from '../errors.js';

/** The action reference the files say when none is given: `<org>` is for the user to replace, never guessed. */
export const PLACEHOLDER_ACTION = '<org>/airbyte-gitops@v1';

/** Where the action (and with it the tool, its schema and its docs) lives: `owner/repo[/path]@ref`. */
export interface ActionRef {
  /** As written in `uses:`. */
  uses: string;
  owner: string;
  repo: string;
  /** A folder inside the repository holding action.yml, with a leading `/`; '' at the root. */
  path: string;
  ref: string;
  /** True for the placeholder: the files then say `<org>` and init's closing message says to replace it. */
  placeholder: boolean;
}

const ACTION = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})((?:\/[A-Za-z0-9._-]+)*)@([A-Za-z0-9._/-]{1,200})$/;

/** `--action` / AIRBYTE_GITOPS_ACTION, or the placeholder when neither is given. */
export function parseActionRef(given: string | undefined): ActionRef {
  if (given === undefined) return { uses: PLACEHOLDER_ACTION, owner: '<org>', repo: 'airbyte-gitops', path: '', ref: 'v1', placeholder: true };
  const match = ACTION.exec(given.trim());
  if (match === null || match[2] === '.' || match[2] === '..' || given.includes('..')) {
    throw new GitopsError('USAGE', `--action must be owner/repo@ref, e.g. my-org/airbyte-gitops@v1 (got '${given}')`, {
      hint: 'the GitHub repository that holds airbyte-gitops (its action.yml) and a tag, branch or commit of it; env AIRBYTE_GITOPS_ACTION',
    });
  }
  const [, owner = '', repo = '', path = '', ref = ''] = match;
  return { uses: given.trim(), owner, repo, path, ref, placeholder: false };
}

/** A branch name the workflows can name without quoting: letters, digits, `.`, `_`, `-`, `/` (no glob characters). */
export function checkBranch(branch: string): string {
  if (!/^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/.test(branch) || branch.includes('..') || branch.endsWith('/') || branch.startsWith('-')) {
    throw new GitopsError('USAGE', `--branch must be a plain branch name such as main (got '${branch}')`, {
      hint: 'letters, digits, ".", "_", "-" and "/"; the workflows apply on a push to this branch',
    });
  }
  return branch;
}

/** The airbyte-gitops repository at the action's ref. */
export function repositoryUrl(action: ActionRef): string {
  return `https://github.com/${action.owner}/${action.repo}/tree/${action.ref}${action.path}`;
}

/** A page of the airbyte-gitops documentation at the action's ref, for files that live in another repository. */
export function docsUrl(action: ActionRef, page: string): string {
  return `https://github.com/${action.owner}/${action.repo}/blob/${action.ref}${action.path}/docs/${page}`;
}

/**
 * The JSON Schema of the pipeline format at the action's ref. A repository that runs the tool through the action
 * has no node_modules/airbyte-gitops, so the `$schema` line points at the schema of the same release on GitHub.
 */
export function schemaUrl(action: ActionRef): string {
  return `https://raw.githubusercontent.com/${action.owner}/${action.repo}/${action.ref}${action.path}/schemas/pipeline.schema.json`;
}
