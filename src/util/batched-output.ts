/**
 * Output gathered into fewer writes. Apply prints a line per finished step: thousands of lines, and a write to a pipe
 * (how CI reads a command) is a system call on Linux that wakes the reader every time. Lines written here reach the
 * stream together once `delayMs` passed since the first one waiting, once `maxChars` are waiting, or on `flush()`;
 * a reader sees them at most `delayMs` late, in order.
 */
export interface BatchedOutput {
  write(text: string): void;
  /** Writes what is waiting now (before other output to the same stream, and before the run ends). */
  flush(): void;
}

export function batchedOutput(stream: { write(text: string): unknown }, delayMs = 100, maxChars = 64 * 1024): BatchedOutput {
  let waiting: string[] = [];
  let chars = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const text = waiting.join('');
    waiting = [];
    chars = 0;
    stream.write(text);
  };
  return {
    write(text: string) {
      waiting.push(text);
      chars += text.length;
      if (chars >= maxChars) flush();
      else timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
