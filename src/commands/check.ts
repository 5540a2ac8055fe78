/** `check [paths...]`: test every declared source's and destination's connection, with the pipeline's configuration. */
import { ExitCode } from '../errors.js';
import { renderCheckTable } from '../operate/check-format.js';
import { fetchCheckState } from '../operate/check-state.js';
import { runChecks } from '../operate/check.js';
import { loadOrThrow } from '../plan/prepare.js';
import { paletteFor } from '../util/color.js';
import { reportProblemsTo } from '../pipeline/problems.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo, RunStatus } from './io.js';

export interface CheckFlags extends ConnectFlags {
  json?: boolean;
}

export async function action(paths: string[], flags: CheckFlags, io: CommandIo, status: RunStatus): Promise<void> {
  // Errors travel in the thrown SPEC_INVALID and are printed once, by run.ts; warnings are printed here.
  const { pipeline, warnings } = loadOrThrow(paths, io.env);
  reportProblemsTo(io.stderr, warnings, io.env);
  await withClient(io, flags, async (client) => {
    const state = await fetchCheckState(client, pipeline, flags.workspace ?? pipeline.workspace);
    const rows = await runChecks(client, pipeline, state);
    if (flags.json) {
      const count = (status: string) => rows.filter((row) => row.status === status).length;
      const summary = { succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') };
      io.stdout.write(JSON.stringify({ results: rows, summary }, null, 2) + '\n');
    } else io.stdout.write(renderCheckTable(rows, paletteFor(io.stdout, io.env)));
    if (rows.some((row) => row.status === 'failed')) status.exitStatus = ExitCode.error;
  });
}
