/** The API calls a CLI run made against the emulator, counted from its /_emulator/requests counters. */
import type { EmulatorHandle } from '../src/emulator/index.js';
import { runCli, type CliOptions, type CliResult } from './cli.js';

/** Requests the emulator has served so far, by path. */
export async function requestCounts(server: EmulatorHandle): Promise<Record<string, number>> {
  const answer = await fetch(`${new URL(server.url).origin}/_emulator/requests`);
  return ((await answer.json()) as { byPath: Record<string, number> }).byPath;
}

/** One in-process CLI run of `args` against `server` (`--url` added): its result, and the calls it made by name (no /api/v1/). */
export async function runCounted(server: EmulatorHandle, args: string[], options: CliOptions = {}): Promise<CliResult & { calls: Record<string, number> }> {
  const before = await requestCounts(server);
  const result = await runCli([...args, '--url', server.url], { ...options, env: { NO_COLOR: '1', ...options.env } });
  const after = await requestCounts(server);
  const calls: Record<string, number> = {};
  for (const [path, count] of Object.entries(after)) {
    const made = count - (before[path] ?? 0);
    if (made > 0) calls[path.replace('/api/v1/', '')] = made;
  }
  return { ...result, calls };
}
