/**
 * Colour only on a TTY, never when NO_COLOR is set (https://no-color.org: any non-empty value), and never when
 * FORCE_COLOR=0. Every renderer takes a Palette so tests can render plain text deterministically.
 */
export interface Palette {
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colors: Palette = {
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  red: wrap(31, 39),
  cyan: wrap(36, 39),
  bold: wrap(1, 22),
  dim: wrap(2, 22),
};

const identity = (text: string) => text;
export const plain: Palette = { green: identity, yellow: identity, red: identity, cyan: identity, bold: identity, dim: identity };

function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] === '0') return false;
  return stream.isTTY === true;
}

/** The palette for text written to `stream` (a command's own stdout or stderr) under `env` (its environment). */
export function paletteFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Palette {
  return useColor(stream, env) ? colors : plain;
}
