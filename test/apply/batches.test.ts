import { describe, expect, it } from 'vitest';
import { convergeWaitFromEnv, CreateBatches, DEFAULT_CONVERGE_WAIT_MS } from '../../src/apply/batches.js';

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
