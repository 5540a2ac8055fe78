import { describe, expect, it } from 'vitest';
import { convergeWaitFromEnv, CreateBatches, DEFAULT_CONVERGE_WAIT_MS, ServerSeconds } from '../../src/apply/batches.js';

const size = () => 4;

describe('CreateBatches', () => {
  it('lists for a create only once the wait after its answer is over', () => {
    const batches = new CreateBatches<string>(1500);
    batches.add('source', 1000, 'a');
    expect(batches.due(2000, true, 8, size)).toEqual([]);
    expect(batches.nextAt(2000)).toBe(2500);
    expect(batches.due(2500, true, 8, size)).toEqual([{ kind: 'source', items: ['a'] }]);
    expect(batches.size).toBe(0);
  });

  it('takes only the ripe creates; the rest wait for the next listing, which starts after this one came back', () => {
    const batches = new CreateBatches<string>(100);
    batches.add('source', 0, 'a');
    batches.add('source', 50, 'b');
    batches.add('source', 200, 'c');
    expect(batches.due(160, true, 8, size)).toEqual([{ kind: 'source', items: ['a', 'b'] }]);
    // One listing per kind at a time.
    expect(batches.due(400, true, 8, size)).toEqual([]);
    expect(batches.nextAt(400)).toBeUndefined();
    batches.listed('source', 400);
    expect(batches.due(400, true, 8, size)).toEqual([{ kind: 'source', items: ['c'] }]);
  });

  it('while other work goes on, gathers ripe creates until a batch is full or the oldest has waited long enough', () => {
    const batches = new CreateBatches<number>(0);
    for (let i = 0; i < 3; i++) batches.add('destination', 0, i);
    expect(batches.due(10, false, 8, size)).toEqual([]);
    expect(batches.nextAt(10)).toBe(50);
    batches.add('destination', 10, 3);
    expect(batches.due(10, false, 8, size)).toEqual([{ kind: 'destination', items: [0, 1, 2, 3] }]);
    batches.listed('destination', 10);
    batches.add('destination', 20, 4);
    expect(batches.due(69, false, 8, size)).toEqual([]);
    expect(batches.due(70, false, 8, size)).toEqual([{ kind: 'destination', items: [4] }]);
  });

  it('waits longer for company when the last listing of its kind was slow, so listings stay a small part of the run', () => {
    const batches = new CreateBatches<number>(0);
    batches.add('connection', 0, 1);
    expect(batches.due(0, true, 8, size)).toEqual([{ kind: 'connection', items: [1] }]);
    batches.listed('connection', 1000); // that listing took 1 s
    batches.add('connection', 1000, 2);
    expect(batches.due(2500, false, 8, size)).toEqual([]);
    expect(batches.nextAt(2500)).toBe(3000);
    expect(batches.due(3000, false, 8, size)).toEqual([{ kind: 'connection', items: [2] }]);
  });

  it('starts no more listings than there are free slots', () => {
    const batches = new CreateBatches<string>(0);
    batches.add('source', 0, 's');
    batches.add('destination', 0, 'd');
    batches.add('connection', 0, 'c');
    expect(batches.due(0, true, 2, size).map((due) => due.kind)).toEqual(['source', 'destination']);
    expect(batches.due(0, true, 0, size)).toEqual([]);
    expect(batches.due(0, true, 1, size).map((due) => due.kind)).toEqual(['connection']);
  });
});

describe('AIRBYTE_CONVERGE_WAIT_MS', () => {
  it('defaults when unset or empty, takes whole milliseconds, and refuses anything else naming the variable', () => {
    expect(convergeWaitFromEnv({})).toBe(DEFAULT_CONVERGE_WAIT_MS);
    expect(convergeWaitFromEnv({ AIRBYTE_CONVERGE_WAIT_MS: '' })).toBe(DEFAULT_CONVERGE_WAIT_MS);
    expect(convergeWaitFromEnv({ AIRBYTE_CONVERGE_WAIT_MS: '0' })).toBe(0);
    expect(convergeWaitFromEnv({ AIRBYTE_CONVERGE_WAIT_MS: ' 2500 ' })).toBe(2500);
    for (const bad of ['-1', '1.5', 'soon', '60001']) {
      expect(() => convergeWaitFromEnv({ AIRBYTE_CONVERGE_WAIT_MS: bad })).toThrow(/AIRBYTE_CONVERGE_WAIT_MS must be a whole number/);
    }
  });
});

describe("ServerSeconds: when a create's second is over, from the creation times of the answers", () => {
  // The server's clock runs 250 ms ahead of this machine's: its second 100 is [99_750, 100_750) here.
  it('one answer tells nothing: the whole wait after it', () => {
    const seconds = new ServerSeconds();
    expect(seconds.delay(1500, 100, 100_000, 100_300)).toBe(1500);
  });

  it('answers that straddle the server seconds narrow it down: the margin after the end of the second', () => {
    const seconds = new ServerSeconds();
    // Stamped in second 101 although answered at 100_760 here: the server is at least 240 ms ahead.
    expect(seconds.delay(1500, 101, 100_740, 100_760)).toBe(1500);
    // Second 101 ends at 101_760 here at the latest (it really ends at 101_750): 500 ms after that, not 1500 after the answer.
    expect(seconds.delay(1500, 101, 101_000, 101_100)).toBe(101_760 - 101_100 + 500);
    // An answer that arrives late, long after its second ended: listed at once.
    expect(seconds.delay(1500, 101, 101_700, 103_000)).toBe(0);
  });

  it('never waits less than a second after the answer minus its margin of knowledge: a wait under a second stays as it is', () => {
    const seconds = new ServerSeconds();
    seconds.delay(1500, 101, 100_740, 100_760);
    expect(seconds.delay(800, 101, 101_000, 101_100)).toBe(800);
    expect(seconds.delay(0, 101, 101_000, 101_100)).toBe(0);
  });

  it('creation times that contradict each other (a clock that jumped, times in milliseconds) turn it off for the run', () => {
    const seconds = new ServerSeconds();
    seconds.delay(1500, 101, 100_740, 100_760);
    // Stamped in second 99 but sent after second 101 was seen: impossible for one clock.
    expect(seconds.delay(1500, 99, 101_000, 101_100)).toBe(1500);
    expect(seconds.delay(1500, 101, 101_000, 101_100)).toBe(1500);
    const millis = new ServerSeconds();
    expect(millis.delay(1500, 100_000, 100_000, 100_010)).toBe(1500);
    expect(millis.delay(1500, 100_020, 100_020, 100_030)).toBe(1500);
    expect(millis.delay(1500, 100_040, 100_040, 100_050)).toBe(1500);
  });

  it('an answer without a creation time waits the whole wait', () => {
    const seconds = new ServerSeconds();
    seconds.delay(1500, 101, 100_740, 100_760);
    expect(seconds.delay(1500, undefined, 101_000, 101_100)).toBe(1500);
  });
});
