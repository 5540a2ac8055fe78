/**
 * `node dist/bench/seed-main.js <url> <concurrency> <path>...`: the pipeline's creates and discoveries sent directly
 * (seed.ts) from a process of its own, as fresh as the CLI's, so the benchmark compares apply with direct calls
 * started alike (the direct calls would otherwise run in the benchmark's process, warmed up by the rounds before).
 * The pipeline's variables come from the environment.
 */
import { seedThroughApi } from './seed.js';

const [url, concurrency, ...paths] = process.argv.slice(2);
if (url === undefined || !/^[1-9]\d*$/.test(concurrency ?? '') || paths.length === 0) {
  process.stderr.write('usage: seed-main.js <url> <concurrency> <path>...\n');
  process.exit(2);
}
await seedThroughApi(url, paths, process.env, Number(concurrency));
