import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardSignals } from '../../src/apply/signals.js';

describe('guardSignals', () => {
  function guarded() {
    const events: string[] = [];
    const stderr = { write: (text: string) => events.push(`stderr: ${text.trim()}`) } as unknown as NodeJS.WritableStream;
    const exit = ((code: number) => {
      events.push(`exit ${code}`);
      throw new Error('exited');
    }) as (code: number) => never;
    const signals = new EventEmitter();
    return { events, signals, guard: guardSignals(stderr, exit, signals) };
  }

  it('while executing, writes the gathered progress before its own lines, on the first signal and on the second', () => {
    const { events, signals, guard } = guarded();
    guard.executing(() => events.push('progress flushed'));
    signals.emit('SIGTERM', 'SIGTERM');
    expect(events).toEqual(['progress flushed', expect.stringMatching(/^stderr: SIGTERM: starting nothing new/)]);
    expect(guard.signal.aborted).toBe(true);
    expect(() => signals.emit('SIGINT', 'SIGINT')).toThrow('exited');
    expect(events.slice(2)).toEqual(['progress flushed', 'stderr: SIGINT again: stopping now. Run apply again to finish.', 'exit 130']);
    guard.dispose();
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('before executing, a signal ends the run at once, nothing changed', () => {
    const { events, signals, guard } = guarded();
    expect(() => signals.emit('SIGINT', 'SIGINT')).toThrow('exited');
    expect(events).toEqual(['stderr: SIGINT: interrupted before anything was changed.', 'exit 130']);
    guard.dispose();
  });
});
