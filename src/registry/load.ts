/**
 * Reading a connector registry from a file or an http(s) URL. A URL is fetched once and kept in the user's cache
 * directory (`$XDG_CACHE_HOME/airbyte-gitops/registry/<hash>.json`, else `~/.cache/...`); later runs read the copy
 * without the network until `AIRBYTE_REGISTRY_REFRESH=1` asks for a fresh one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { GitopsError } from '../errors.js';
import { parseRegistry, type ConnectorRegistry } from './registry.js';

/** Set to `1` (or `true`) to fetch a registry URL again instead of reading the cached copy. */
export const REGISTRY_REFRESH_ENV = 'AIRBYTE_REGISTRY_REFRESH';

/** Airbyte's published OSS registry, for messages and docs. */
export const OSS_REGISTRY_URL = 'https://connectors.airbyte.com/files/registries/v0/oss_registry.json';

/** The OSS registry is about 4 MB; anything far larger is not a registry. */
export const MAX_REGISTRY_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000;

export interface RegistrySurroundings {
  /** Relative file paths are read from here. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** One line (no newline) for the user's stderr. */
  note: (line: string) => void;
  /** Defaults to the global fetch; tests may count calls. */
  fetch?: typeof fetch;
}

export function isRegistryUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** $XDG_CACHE_HOME when it is an absolute path (the XDG rule), else ~/.cache. */
function cacheHome(env: NodeJS.ProcessEnv): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return xdg;
  return join(env['HOME'] || homedir(), '.cache');
}

/** Where the copy of a registry URL is kept: one file per URL. */
export function registryCacheFile(url: string, env: NodeJS.ProcessEnv): string {
  const key = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return join(cacheHome(env), 'airbyte-gitops', 'registry', `${key}.json`);
}

const refreshAsked = (env: NodeJS.ProcessEnv): boolean => ['1', 'true', 'yes'].includes((env[REGISTRY_REFRESH_ENV] ?? '').toLowerCase());

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readRegistryFile(location: string, cwd: string): ConnectorRegistry {
  const file = resolve(cwd, location);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : reasonOf(error);
    throw new GitopsError('USAGE', `cannot read the connector registry ${location}: ${why}`, {
      hint: `give a registry file, or its URL (e.g. ${OSS_REGISTRY_URL})`,
    });
  }
  return parseRegistry(text, location);
}

function fetchFailed(url: string, why: string, cause?: unknown): GitopsError {
  return new GitopsError('NETWORK', `cannot fetch the connector registry ${url}: ${why}`, {
    hint: 'check the URL and the network, or download the registry once and give its file instead',
    cause,
  });
}

/** The body as text, refusing more than MAX_REGISTRY_BYTES. */
async function boundedText(response: Response, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_REGISTRY_BYTES) {
    await response.body?.cancel();
    throw fetchFailed(url, `it is ${declared} bytes, more than the ${MAX_REGISTRY_BYTES} a registry may have`);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_REGISTRY_BYTES) throw fetchFailed(url, `it is more than the ${MAX_REGISTRY_BYTES} bytes a registry may have`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function download(url: string, around: RegistrySurroundings): Promise<string> {
  let response: Response;
  try {
    response = await (around.fetch ?? fetch)(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : reasonOf(cause ?? error);
    throw fetchFailed(url, why, error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw fetchFailed(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  try {
    return await boundedText(response, url);
  } catch (error) {
    if (error instanceof GitopsError) throw error;
    throw fetchFailed(url, reasonOf(error), error);
  }
}

/** Writes the copy whole or not at all (a temporary file, then rename); a cache that cannot be written is only a note. */
function keepCopy(file: string, text: string, around: RegistrySurroundings): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  } catch (error) {
    around.note(`note: could not keep a copy of the connector registry in ${file} (${reasonOf(error)}); it will be fetched again next time`);
    return false;
  }
}

function cachedCopy(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function loadRegistryUrl(url: string, around: RegistrySurroundings): Promise<ConnectorRegistry> {
  const file = registryCacheFile(url, around.env);
  if (!refreshAsked(around.env)) {
    const copy = cachedCopy(file);
    if (copy !== undefined) {
      try {
        const registry = parseRegistry(copy, url);
        around.note(`note: connector registry ${url} read from its copy in ${file} (${REGISTRY_REFRESH_ENV}=1 fetches it again)`);
        return registry;
      } catch {
        // A damaged copy is fetched again below.
      }
    }
  }
  const text = await download(url, around);
  const registry = parseRegistry(text, url); // Only a registry is kept.
  const kept = keepCopy(file, text, around);
  if (kept) around.note(`note: fetched the connector registry ${url} (${registry.size} connectors); a copy is kept in ${file}`);
  return registry;
}

/** Loads the registry at `location`: a file path (relative to `cwd`) or an http(s) URL (cached). */
export function loadRegistry(location: string, around: RegistrySurroundings): Promise<ConnectorRegistry> {
  if (location.trim() === '') return Promise.reject(new GitopsError('USAGE', 'the connector registry location is empty: give a file or an http(s) URL'));
  if (isRegistryUrl(location)) return loadRegistryUrl(location, around);
  try {
    return Promise.resolve(readRegistryFile(location, around.cwd));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
