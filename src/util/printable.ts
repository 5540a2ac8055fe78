/**
 * Text from outside (a pipeline's names, a server's remote names and messages) made safe to print on a terminal
 * or in a report: control characters (C0, DEL, C1), line and paragraph separators, bidi marks, overrides and
 * isolates, and zero-width characters become visible escapes such as `\u001b`, so a name can neither move the
 * cursor, clear the screen, start a new (fake) line, reorder what follows it, nor hide a character. Everything
 * else is left as it is. Every renderer that prints such text calls `printable`, and only this module decides
 * which characters are unsafe.
 */

/**
 * Characters never printed raw: C0 controls, DEL, C1 controls, zero-width space/joiners, LRM/RLM, Arabic letter
 * mark, line/paragraph separators, bidi embeddings/overrides (U+202A–U+202E), word joiner and invisible operators
 * (U+2060–U+2064), bidi isolates (U+2066–U+2069) and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** `\u001b`: how one unsafe character is shown. */
export function escapeCharacter(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character shown as its `\uXXXX` escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** `U+001B`: a code point as the Unicode standard writes it. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
