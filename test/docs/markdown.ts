/**
 * Just enough Markdown reading for the documentation tests: fenced blocks, headings with GitHub's anchors, and
 * relative links. Not a Markdown parser; it reads the subset the README and docs/ use.
 */

/** A fenced code block: its info string (`yaml`, `sh`, …), body, the 1-based line of its opening fence, and the
 * HTML comment on the last non-blank line before it, if any (`<!-- invalid: reason -->`). */
export interface Fence {
  lang: string;
  body: string;
  line: number;
  marker?: string;
}

/** A link target as written, with the 1-based line it is on. */
export interface Link {
  target: string;
  line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/;

interface Scanned {
  fences: Fence[];
  /** Lines outside fences, with their 1-based numbers. */
  prose: { text: string; line: number }[];
}

function markerBefore(lines: string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    const comment = /^<!--\s*(.*?)\s*-->$/.exec(text);
    return comment ? comment[1] : undefined;
  }
  return undefined;
}

export function scan(markdown: string): Scanned {
  const lines = markdown.split('\n');
  const fences: Fence[] = [];
  const prose: Scanned['prose'] = [];
  let open: { indent: number; fence: string; lang: string; line: number; body: string[]; marker?: string } | undefined;
  lines.forEach((text, index) => {
    const match = FENCE.exec(text);
    if (open === undefined) {
      if (match) {
        const marker = markerBefore(lines, index);
        open = { indent: match[1]!.length, fence: match[2]!, lang: match[3]!.toLowerCase(), line: index + 1, body: [], ...(marker ? { marker } : {}) };
      } else prose.push({ text, line: index + 1 });
      return;
    }
    if (match && match[2]!.startsWith(open.fence) && text.trim() === match[2]) {
      const { lang, line, body, marker } = open;
      fences.push({ lang, line, body: body.join('\n') + '\n', ...(marker ? { marker } : {}) });
      open = undefined;
      return;
    }
    // Inside a list item the fence is indented; its body carries the same indent.
    const indent = open.indent;
    open.body.push(text.slice(Math.min(indent, text.length - text.trimStart().length)));
  });
  if (open !== undefined) throw new Error(`unclosed code fence opened at line ${open.line}`);
  return { fences, prose };
}

/** GitHub's anchor for a heading text: lower case, punctuation and symbols dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the file's headings get, duplicates numbered as GitHub does (`-1`, `-2`, …). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { text } of scan(markdown).prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Inline and reference-style link targets outside code fences and code spans. */
export function links(markdown: string): Link[] {
  const found: Link[] = [];
  for (const { text, line } of scan(markdown).prose) {
    const prose = text.replace(/(`+)[^`]*?\1/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: match[1]!, line });
    const reference = /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose);
    if (reference) found.push({ target: reference[1]!, line });
  }
  return found;
}
