/**
 * The one redaction rule for every text that could carry a secret value (server error bodies, debug lines, check
 * results): the API client, `check` and `apply --check` all call `redact`, before any truncation (a secret cut in
 * half would no longer match).
 */
import { SENSITIVE } from './secret.js';

/**
 * Values shorter than this are never redacted. A secret such as "1" or "no" would otherwise turn every "1" or
 * "no" of an unrelated message into "(sensitive)", making it unreadable while protecting nothing: a value that
 * short is guessed in a few tries anyway. Four characters is the shortest value worth hiding.
 */
export const MIN_REDACTED_LENGTH = 4;

/**
 * The ways a server or a library may write a secret back: as is, escaped inside a JSON string (a secret with `"`
 * or `\`), URL-encoded (a query string, a JDBC URL), and base64 of the secret alone (standard, with and without
 * padding, and URL-safe): a connector echoing a basic-auth or key file value.
 */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  return [...new Set(forms)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per secret set, longest form first so a secret containing a shorter one is replaced whole. */
function compile(secrets: string[]): RegExp | undefined {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  return forms.length === 0 ? undefined : new RegExp(forms.map(escapeRegExp).join('|'), 'g');
}

// The client redacts every message and debug line with the same few secrets: build their pattern once per set.
const compiled = new Map<string, RegExp | undefined>();
const MAX_CACHED = 64;

function patternFor(secrets: Iterable<string>): RegExp | undefined {
  const kept = [...new Set(secrets)].filter((secret) => secret.length >= MIN_REDACTED_LENGTH).sort();
  const key = kept.join('\u0000');
  if (compiled.has(key)) return compiled.get(key);
  if (compiled.size >= MAX_CACHED) compiled.clear();
  const pattern = compile(kept);
  compiled.set(key, pattern);
  return pattern;
}

/**
 * `text` with every occurrence of every known secret value (of at least MIN_REDACTED_LENGTH characters), in any of
 * its `secretForms`, replaced by `(sensitive)`. One pass, so a replacement is never itself redacted again.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const pattern = patternFor(secrets);
  return pattern === undefined ? text : text.replace(pattern, SENSITIVE);
}
