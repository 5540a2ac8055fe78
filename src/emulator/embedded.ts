/**
 * The in-process emulator behind the main commands' `--emulator` flag. Its state, secrets included, lives outside
 * the working directory (so `git add .` in a pipeline repository cannot commit it), in one file per working
 * directory under the user's state directory; `apply --emulator` followed by `plan --emulator` from the same
 * directory sees what apply made.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { GitopsError } from '../errors.js';
import { loadRegistry, OSS_REGISTRY_URL, type ConnectorRegistry } from '../registry/index.js';
import { startEmulator, type EmulatorHandle } from './index.js';
import { StateInUseError, UnwritableStateError } from './state.js';

/** Airbyte's connector registry (a file or an http(s) URL) whose connectors the embedded emulator serves too. */
export const EMBEDDED_REGISTRY_ENV = 'AIRBYTE_EMULATOR_REGISTRY';

/** A --catalogs file for the embedded emulator: discovered streams per source name. */
export const EMBEDDED_CATALOGS_ENV = 'AIRBYTE_EMULATOR_CATALOGS';

/** Names a state file of the embedded emulator, instead of the per-directory default. */
export const EMBEDDED_STATE_ENV = 'AIRBYTE_EMULATOR_STATE';

/** Where older versions kept the state: inside the working directory. No longer read. */
export const LEGACY_STATE_FILE = '.airbyte-emulator.json';

/** Syncs finish quickly so a quick start does not wait, yet still pass through pending and running. */
const EMBEDDED_JOB_DURATION_MS = 5000;

/** What the embedded emulator needs from the run: its environment and working directory, and where to say things. */
export interface EmbeddedSurroundings {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** One line (no newline) for the user's stderr. */
  note: (line: string) => void;
}

/** $XDG_STATE_HOME when it is an absolute path (the XDG rule), else ~/.local/state. */
function stateHome(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_STATE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return xdg;
  return join(env['HOME'] || homedir(), '.local', 'state');
}

/**
 * The state file for runs from `cwd`: $AIRBYTE_EMULATOR_STATE (relative to `cwd`) when set, else
 * `<state home>/airbyte-gitops/emulator/<sha256 of the absolute cwd, 16 hex digits>.json`.
 */
export function embeddedStateFile(cwd: string, env: NodeJS.ProcessEnv): string {
  const explicit = env[EMBEDDED_STATE_ENV];
  if (explicit !== undefined && explicit !== '') return resolve(cwd, explicit);
  const key = createHash('sha256').update(resolve(cwd)).digest('hex').slice(0, 16);
  return join(stateHome(env), 'airbyte-gitops', 'emulator', `${key}.json`);
}

function unwritable(file: string, reason: string, cause?: unknown): GitopsError {
  return new GitopsError('USAGE', `--emulator cannot keep its state in ${file}: ${reason}`, {
    hint: `set ${EMBEDDED_STATE_ENV} to a file in a writable directory, or XDG_STATE_HOME to a writable directory`,
    cause,
  });
}

/** Only the owner may enter the directory: the state holds secrets as sent. */
function makeStateDirectory(file: string, explicit: boolean): void {
  if (explicit) return; // A directory the user named is theirs to create.
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw unwritable(file, `its directory cannot be created (${error instanceof Error ? error.message : String(error)})`, error);
  }
}

function withEmbeddedHint(file: string, error: unknown): unknown {
  if (error instanceof StateInUseError) {
    const holder = error.pid === undefined ? 'another run' : `another run (process ${error.pid})`;
    return new GitopsError(error.code, `--emulator state ${file} is in use by ${holder}`, {
      meta: error.meta,
      hint: `one --emulator run at a time per state file: wait for the other run to end, or set ${EMBEDDED_STATE_ENV} to another file for this one`,
      cause: error,
    });
  }
  if (!(error instanceof UnwritableStateError)) return error;
  return new GitopsError(error.code, error.message, {
    meta: error.meta,
    hint: `--emulator keeps its state in ${file}: set ${EMBEDDED_STATE_ENV} to a file in a writable directory`,
    cause: error,
  });
}

/** The embedded emulator of one run. */
export interface EmbeddedEmulator {
  url: string;
  stop(): Promise<void>;
  /**
   * `error` with a hint added where the emulator can explain it: a definition it does not know (how many it knows,
   * how to load the registry), a stream missing from a catalog it made up (how to give the real streams).
   */
  explain(error: unknown): unknown;
}

const envValue = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
};

const UNKNOWN_DEFINITION = /unknown (?:source|destination) definition '|no (?:source|destination) definition has id '/;
const MISSING_STREAM = /does not exist in source '|is not in the source's (?:discovered )?catalog/;

function hintFor(emulator: EmulatorHandle, registry: ConnectorRegistry | undefined, texts: string[]): string[] {
  const hints: string[] = [];
  const report = emulator.connectorReport();
  if (texts.some((text) => UNKNOWN_DEFINITION.test(text))) {
    const { sources, destinations } = emulator.definitionCounts;
    const known = `the emulator knows ${sources} source and ${destinations} destination definitions`;
    hints.push(
      registry === undefined
        ? `${known} (its built-in connectors); set ${EMBEDDED_REGISTRY_ENV} to Airbyte's connector registry (a file, or ${OSS_REGISTRY_URL}) to serve every Airbyte connector (see docs/emulator.md)`
        : `${known} (its built-in connectors and the connector registry ${registry.origin})`,
    );
  }
  if (texts.some((text) => MISSING_STREAM.test(text)) && report.madeUpCatalogs.length > 0) {
    const named = report.madeUpCatalogs.filter((entry) => texts.some((text) => text.includes(`'${entry.source}'`)));
    const shown = (named.length > 0 ? named : report.madeUpCatalogs).slice(0, 3);
    const which = shown.map((entry) => `source '${entry.source}' (${entry.streams.join(', ')})`).join(', ');
    hints.push(
      `the emulator made up the catalog of ${which}: the connector registry lists no streams; give the real streams in a catalogs file named by ${EMBEDDED_CATALOGS_ENV} (see docs/emulator.md)`,
    );
  }
  if (report.unknownDefinitions > 0) {
    hints.push(
      `the --emulator state holds ${report.unknownDefinitions} source(s) or destination(s) of connectors this emulator does not serve: set ${EMBEDDED_REGISTRY_ENV} to the registry they were made with`,
    );
  }
  return hints;
}

function explained(emulator: EmulatorHandle, registry: ConnectorRegistry | undefined, error: unknown): unknown {
  if (!(error instanceof GitopsError)) return error;
  const texts = [error.message, ...error.details, ...(error.problems ?? []).map((problem) => problem.message)];
  const hints = hintFor(emulator, registry, texts);
  if (hints.length === 0) return error;
  return new GitopsError(error.code, error.message, {
    meta: error.meta,
    hint: [...(error.hint === undefined ? [] : [error.hint]), ...hints].join('; '),
    cause: error.cause,
    ambiguous: error.ambiguous,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.problems === undefined ? {} : { problems: error.problems }),
    details: error.details,
  });
}

export async function startEmbeddedEmulator(around: EmbeddedSurroundings): Promise<EmbeddedEmulator> {
  const registryLocation = envValue(around.env, EMBEDDED_REGISTRY_ENV);
  const registry = registryLocation === undefined ? undefined : await loadRegistry(registryLocation, around);
  const catalogs = envValue(around.env, EMBEDDED_CATALOGS_ENV);
  const file = embeddedStateFile(around.cwd, around.env);
  const explicit = (around.env[EMBEDDED_STATE_ENV] ?? '') !== '';
  makeStateDirectory(file, explicit);
  const existed = existsSync(file);
  if (!existed && existsSync(join(around.cwd, LEGACY_STATE_FILE))) {
    around.note(
      `note: ./${LEGACY_STATE_FILE} (the state of older versions, secrets included) is no longer read; delete it, or set ${EMBEDDED_STATE_ENV}=${LEGACY_STATE_FILE} to keep using it`,
    );
  }
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    flavor: 'current',
    auth: { mode: 'none' },
    jobDurationMs: EMBEDDED_JOB_DURATION_MS,
    dataFile: file,
    ...(registry === undefined ? {} : { registry }),
    ...(catalogs === undefined ? {} : { catalogsFile: resolve(around.cwd, catalogs) }),
  }).catch((error: unknown) => {
    throw withEmbeddedHint(file, error);
  });
  return {
    url: emulator.url,
    explain: (error) => explained(emulator, registry, error),
    stop: async () => {
      await emulator.stop();
      if (!existed && existsSync(file)) around.note(`note: --emulator keeps its state in ${file} (delete it to start over)`);
    },
  };
}
