/**
 * The one concurrency pool: runs `work` over `items` with at most `limit` calls in flight.
 *
 * Contract, relied on by apply's checks, `check` and the bench seeder:
 * - `limit` must be a whole number ≥ 1; anything else is a programming error, thrown synchronously before any work
 *   starts (a limit of 0 would otherwise start nothing and leave holes in the results).
 * - Results are in the order of `items`, whatever order the calls finish in.
 * - The first failure rejects the returned promise; no new item starts after it (calls already in flight finish).
 */
export function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`mapLimit: limit must be a whole number ≥ 1, got ${limit}`);
  return run(items, limit, work);
}

async function run<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
