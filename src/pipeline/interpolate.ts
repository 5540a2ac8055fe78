/**
 * `${VAR}` / `${VAR:-default}` substitution in string values, from the environment. `$${` writes a literal `${`.
 * Like a shell, `:-` uses the default when the variable is unset or empty. Without a default, an empty variable is
 * an error like an unset one: only the pipeline can say that empty is meant.
 */

/** The outcome of interpolating one string. `value` is undefined when there were errors. */
export interface Interpolated {
  value: string | undefined;
  /** True when the string contained at least one `${...}` or `$${` (the written text is then worth keeping). */
  templated: boolean;
  /** True when the string was exactly one `${VAR}` / `${VAR:-default}`. */
  wholeVar: boolean;
  /** Variables used, in order of appearance. */
  vars: string[];
  /** Messages for malformed references and unset variables. */
  errors: string[];
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Reference {
  name: string;
  fallback: string | undefined;
  /** Index just past the closing brace. */
  end: number;
}

/** Parses the reference starting at `start` (which points at `${`); returns an error message if malformed. */
function parseReference(text: string, start: number): Reference | string {
  const close = text.indexOf('}', start + 2);
  // The text is never echoed: it may be a secret that happens to contain '${'.
  if (close === -1) return `unterminated '\${': close it with '}', or write '$\${' for a literal '\${'`;
  const body = text.slice(start + 2, close);
  const separator = body.indexOf(':-');
  const name = separator === -1 ? body : body.slice(0, separator);
  if (!VAR_NAME.test(name)) {
    return `invalid variable reference after '\${': a name is letters, digits and '_' and does not start with a digit (write '$\${' for a literal '\${')`;
  }
  return { name, fallback: separator === -1 ? undefined : body.slice(separator + 2), end: close + 1 };
}

export function interpolate(text: string, env: NodeJS.ProcessEnv): Interpolated {
  const result: Interpolated = { value: undefined, templated: false, wholeVar: false, vars: [], errors: [] };
  let output = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar === -1) break;
    output += text.slice(index, dollar);
    if (text.startsWith('$${', dollar)) {
      result.templated = true;
      output += '${';
      index = dollar + 3;
      continue;
    }
    if (!text.startsWith('${', dollar)) {
      output += '$';
      index = dollar + 1;
      continue;
    }
    result.templated = true;
    const reference = parseReference(text, dollar);
    if (typeof reference === 'string') {
      result.errors.push(reference);
      return result;
    }
    result.vars.push(reference.name);
    const fromEnv = env[reference.name];
    if (fromEnv !== undefined && fromEnv !== '') {
      output += fromEnv;
    } else if (reference.fallback !== undefined) {
      output += reference.fallback;
    } else if (fromEnv === '') {
      // A CI secret that was never set often arrives as "": an empty password must be asked for, not assumed.
      result.errors.push(
        `${reference.name} is empty or unset (an empty environment variable): set it, or write '\${${reference.name}:-}' to allow an empty value`,
      );
    } else {
      result.errors.push(`environment variable '${reference.name}' is not set: set it, or give a default with '\${${reference.name}:-default}'`);
    }
    result.wholeVar = dollar === 0 && reference.end === text.length;
    index = reference.end;
  }
  output += text.slice(index);
  if (result.errors.length === 0) result.value = output;
  return result;
}
