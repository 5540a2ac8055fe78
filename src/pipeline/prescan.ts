/**
 * A cheap look at the raw text before the YAML parser sees it. The parser recurses per nesting level, so a file of
 * a few hundred thousand '[' takes seconds and can exhaust memory; this scan refuses such files in linear time.
 * It over-approximates nesting (a stray '[' in a plain scalar counts), which only matters far beyond real depths.
 */

/** Deepest nesting a pipeline file may have (real pipelines need about 10). */
export const MAX_DEPTH = 64;

/** Where the limit was first exceeded (1-based), or undefined when the text is shallow enough. */
export interface DepthViolation {
  line: number;
  col: number;
}

const TOKEN_START = new Set([' ', '\t', '[', '{', ',', ':', '-', '?', '\n']);

/** Index just past a quoted scalar starting at `start` (or the end of the text if it never closes). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (quote === '"' && char === '\\') index += 2;
    else if (char === quote && quote === "'" && text[index + 1] === "'") index += 2;
    else if (char === quote) return index + 1;
    else index += 1;
  }
  return index;
}

/** Block nesting of a line: indentation levels still open plus compact "- - x" entries on the line itself. */
function blockDepth(indents: number[], line: string): number {
  const indent = line.length - line.trimStart().length;
  while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
  indents.push(indent);
  const compact = /^(?:-[ \t]+)*/.exec(line.trimStart())?.[0] ?? '';
  return indents.length + (compact.match(/-/g)?.length ?? 0);
}

function scanBlock(text: string): DepthViolation | undefined {
  const indents: number[] = [];
  const lines = text.split('\n');
  for (let number = 0; number < lines.length; number++) {
    const line = lines[number] as string;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    if (blockDepth(indents, line) > MAX_DEPTH) return { line: number + 1, col: line.length - content.length + 1 };
  }
  return undefined;
}

function scanFlow(text: string): DepthViolation | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const previous = index === 0 ? '\n' : (text[index - 1] as string);
    if (char === '\n') {
      line += 1;
      lineStart = index + 1;
    } else if (char === '#' && (previous === ' ' || previous === '\t' || previous === '\n')) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
      continue;
    } else if ((char === '"' || char === "'") && TOKEN_START.has(previous)) {
      const end = skipQuoted(text, index);
      const lastNewline = text.lastIndexOf('\n', end - 1);
      if (lastNewline >= index) {
        line += text.slice(index, end).split('\n').length - 1;
        lineStart = lastNewline + 1;
      }
      index = end;
      continue;
    } else if ((char === '[' || char === '{') && TOKEN_START.has(previous)) {
      depth += 1;
      if (depth > MAX_DEPTH) return { line, col: index - lineStart + 1 };
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth -= 1;
    }
    index += 1;
  }
  return undefined;
}

/** The first place where nesting exceeds MAX_DEPTH, by a conservative estimate. */
export function excessiveNesting(text: string): DepthViolation | undefined {
  return scanFlow(text) ?? scanBlock(text);
}
