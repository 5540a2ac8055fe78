/** The API calls a CLI run made against the emulator, counted from its /_emulator/requests counters. */
import type { EmulatorHandle } from '../src/emulator/index.js';
import { runCli, type CliOptions, type CliResult } from './cli.js';

/**
 * The reads of a plan whose pipeline matches Airbyte, for one source and one destination definition: the workspace,
 * the two definition lists, the three lists, and one spec per definition used; no discovery.
 */
export const UNCHANGED_PLAN_CALLS: Readonly<Record<string, number>> = {
  'workspaces/list_by_organization_id': 1,
  'source_definitions/list_for_workspace': 1,
  'destination_definitions/list_for_workspace': 1,
  'sources/list': 1,
  'destinations/list': 1,
  'connections/list': 1,
  'source_definition_specifications/get': 1,
  'destination_definition_specifications/get': 1,
};

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
