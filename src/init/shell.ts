/** A path written so that a POSIX shell (bash, zsh, sh) reads it back as the one word it is. */

/** What a terminal would not show as it is (the characters util/printable.ts escapes). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/**
 * `my dir` → `'my dir'`; a plain path as it is; a name holding a control or invisible character as bash's and
 * zsh's `$'…'` with each such character escaped (`\x1b`, `\u2028`), so that nothing reaches the terminal raw.
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(text)) return text;
  if (!UNSAFE.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  const escaped = [...text]
    .map((ch) => {
      if (ch === '\\' || ch === "'") return `\\${ch}`;
      if (!UNSAFE.test(ch)) return ch;
      const code = ch.codePointAt(0) ?? 0;
      return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
  return `$'${escaped}'`;
}
