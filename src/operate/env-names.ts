/**
 * Names of the environment variables that `export` writes in place of masked secrets. The rule: the resource name
 * and the field path, each turned to UPPER_SNAKE_CASE (accents dropped, every run of other characters → `_`),
 * joined by `_`: source `PostgreSQL - Ecommerce` + `password` → `POSTGRESQL_ECOMMERCE_PASSWORD`,
 * + `tunnel_method.ssh_key` → `POSTGRESQL_ECOMMERCE_TUNNEL_METHOD_SSH_KEY`. A name starting with a digit gets a
 * leading `_`. When two secrets would get the same name, the later one (sources before destinations, each by
 * name, fields in spec order) gets `_2`, `_3`, ...
 *
 * A name that the runner, GitHub Actions or the tool itself would read as its own (`GITHUB_TOKEN`, `RUNNER_*`,
 * `INPUT_*`, `ACTIONS_*`, `AIRBYTE_PASSWORD` and every other `AIRBYTE_*`, `PATH`, `HOME`, ...) gets a leading
 * `PIPELINE_`: source `GitHub` + `token` → `PIPELINE_GITHUB_TOKEN`, never the Actions token nor the tool's login.
 */

/** Prefixes of variables that GitHub Actions, the runner or airbyte-gitops set or read. */
const RESERVED_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_', 'ACTIONS_', 'AIRBYTE_', 'NODE_', 'XDG_'];
/** Whole names the shell, Node.js or the tool read. */
const RESERVED_NAMES = new Set(['CI', 'PATH', 'HOME', 'USER', 'SHELL', 'TMPDIR', 'LANG', 'NO_COLOR', 'FORCE_COLOR']);

/** Whether `name` is read by the runner, Actions or the tool, so a pipeline's secret must not take it. */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name) || RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function upperSnake(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The base name for a secret at `path` (keys; array indexes as digits) of the resource `resource`. */
export function envVarName(resource: string, path: readonly string[]): string {
  const name = [upperSnake(resource), ...path.map(upperSnake)].filter((part) => part !== '').join('_') || 'SECRET';
  if (isReservedName(name)) return `PIPELINE_${name}`;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Hands out collision-free names in the order asked for. */
export class EnvNameAllocator {
  private readonly taken = new Set<string>();

  allocate(resource: string, path: readonly string[]): string {
    const base = envVarName(resource, path);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
