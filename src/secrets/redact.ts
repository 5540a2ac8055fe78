/**
 * The one redaction rule for every text that could carry a secret value (server messages, debug lines, check
 * results): the API client, `check` and `apply --check` all call `redact`.
 */

/**
 * Values shorter than this are never redacted. A secret such as "1" or "no" would otherwise turn every "1" or
 * "no" of an unrelated message into "(sensitive)", making it unreadable while protecting nothing: a value that
 * short is guessed in a few tries anyway. Four characters is the shortest value worth hiding.
 */
export const MIN_REDACTED_LENGTH = 4;

/** What a secret value is replaced with. */
export const REDACTED = '(sensitive)';

/**
 * `text` with every known secret value (of at least MIN_REDACTED_LENGTH characters) replaced by `(sensitive)`.
 * Longer values go first, so a secret that contains a shorter one is replaced whole rather than left half shown.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const longestFirst = [...new Set(secrets)].filter((secret) => secret.length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
  return longestFirst.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
