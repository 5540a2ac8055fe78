import { describe, expect, test } from 'vitest';
import { mapLimit } from '../../src/util/pool.js';

/** A promise the test settles by hand, to control the order in which calls finish. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapLimit', () => {
  test.each([0, -1, 1.5, Number.NaN])('limit %s is a programming error, thrown before any work starts', (limit) => {
    let started = 0;
    expect(() =>
      mapLimit([1, 2], limit, async () => {
        started += 1;
      }),
    ).toThrow(RangeError);
    expect(started).toBe(0);
  });

  test('never more than limit in flight; results in input order, whatever order calls finish in', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    let inFlight = 0;
    let most = 0;
    const done = mapLimit(['a', 'b', 'c'], 2, async (item, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const value = await (gates[index] as (typeof gates)[number]).promise;
      inFlight -= 1;
      return `${item}${value}`;
    });
    await tick();
    expect(inFlight).toBe(2);
    gates[1]?.resolve('2');
    await tick();
    gates[2]?.resolve('3');
    gates[0]?.resolve('1');
    expect(await done).toEqual(['a1', 'b2', 'c3']);
    expect(most).toBe(2);
  });

  test('an empty list resolves to an empty list', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });

  test('after the first failure no new item starts, the calls in flight finish, and the failure rejects', async () => {
    const slow = deferred<number>();
    const started: number[] = [];
    const done = mapLimit([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      if (item === 0) return slow.promise;
      if (item === 1) throw new Error('boom');
      return item;
    });
    await expect(done).rejects.toThrow('boom');
    slow.resolve(0);
    await tick();
    expect(started).toEqual([0, 1]);
  });
});
