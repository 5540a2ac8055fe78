import { describe, expect, it } from 'vitest';
import { batchedOutput } from '../../src/util/batched-output.js';

describe('batchedOutput', () => {
  const sink = () => {
    const writes: string[] = [];
    return { writes, stream: { write: (text: string) => writes.push(text) } };
  };

  it('writes the lines of one moment together, in order, once the delay passed', async () => {
    const { writes, stream } = sink();
    const out = batchedOutput(stream, 20);
    out.write('a\n');
    out.write('b\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toEqual(['a\nb\n']);
    out.write('c\n');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes at once when enough is waiting, and everything on flush', () => {
    const { writes, stream } = sink();
    const out = batchedOutput(stream, 10_000, 5);
    out.write('12');
    out.write('345');
    expect(writes).toEqual(['12345']);
    out.write('6');
    out.flush();
    out.flush();
    expect(writes).toEqual(['12345', '6']);
  });

  it('writes nothing twice: a flush empties what was waiting', async () => {
    const { writes, stream } = sink();
    const out = batchedOutput(stream, 30);
    out.write('x');
    out.flush();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toEqual(['x']);
  });
});
