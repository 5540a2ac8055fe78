import { ExitCode, GitopsError } from '../errors.js';
import { parseDuration } from '../operate/format.js';
import { outcomeLine, progressLine, startLine, succeeded, syncJobJson, type JobWatch } from '../operate/sync-format.js';
import { resolveConnections, triggerSync, waitForJobs, type WaitReporter } from '../operate/sync.js';
import { withClient, type ConnectFlags } from './connect.js';
import type { CommandIo, RunStatus } from './io.js';

export interface SyncFlags extends ConnectFlags {
  wait?: boolean;
  timeout: string;
  pollInterval: string;
  json?: boolean;
}

/** Between unchanged progress lines when stdout is not a terminal (CI logs). */
const HEARTBEAT_MS = 30_000;

function durationFlag(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) throw new GitopsError('USAGE', `${flag} must be a duration such as 1h, 30m, 90s or 500ms, got '${text}'`);
  return ms;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Ctrl-C / SIGTERM while waiting: the first stops the wait (the jobs keep running in Airbyte) and the command ends
 * as after a timeout, with exit status 130; a second, should a poll hang, ends the process at once. Active only
 * while waiting: `dispose` gives the signals back.
 */
function stopWaitingOnSignal(stderr: NodeJS.WriteStream): { stop: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      stderr.write(`\n${name} again: stopping now; the jobs keep running in Airbyte.\n`);
      process.exit(ExitCode.interrupted);
    }
    stderr.write(`\n${name}: stopped waiting; the jobs keep running in Airbyte (${name} again ends at once).\n`);
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Progress to stdout: a live line on a terminal, plain lines otherwise; to stderr under --json. */
function reporterFor(json: boolean, io: CommandIo): { reporter: WaitReporter; live: boolean; out: NodeJS.WriteStream } {
  const out = json ? io.stderr : io.stdout;
  const live = out.isTTY === true;
  const clear = () => live && out.write('\r\u001b[2K');
  const print = (watch: JobWatch) => {
    clear();
    out.write(progressLine(watch, nowSeconds()) + '\n');
  };
  const reporter: WaitReporter = {
    changed: print,
    heartbeat: (watch) => (live ? undefined : print(watch)),
    tick: (watches) => {
      if (!live) return;
      clear();
      out.write(watches.map((watch) => progressLine(watch, nowSeconds())).join(' | '));
    },
  };
  return { reporter, live, out };
}

/** `sync <connection-name>... [--wait]`: trigger syncs, optionally follow them to the end. */
export async function action(names: string[], flags: SyncFlags, io: CommandIo, status: RunStatus): Promise<void> {
  const timeoutMs = durationFlag('--timeout', flags.timeout);
  const pollIntervalMs = durationFlag('--poll-interval', flags.pollInterval);
  await withClient(io, flags, async (client) => {
    const connections = await resolveConnections(client, flags.workspace, names);
    const watches = await Promise.all(connections.map((connection) => triggerSync(client, connection)));
    const { reporter, live, out } = reporterFor(flags.json === true, io);
    // Listening before the start lines are printed: a Ctrl-C as soon as one is seen already stops the wait.
    const signals = flags.wait ? stopWaitingOnSignal(io.stderr) : undefined;
    try {
      for (const watch of watches) out.write(startLine(watch) + '\n');
      if (signals) {
        const tickMs = live ? 1000 : Infinity;
        await waitForJobs(client, watches, { timeoutMs, pollIntervalMs, heartbeatMs: HEARTBEAT_MS, tickMs, reporter, stop: signals.stop });
      }
    } finally {
      signals?.dispose();
    }
    if (signals) {
      if (live) out.write('\r\u001b[2K');
      for (const watch of watches) out.write(outcomeLine(watch, nowSeconds(), flags.timeout) + '\n');
      if (signals.stop.aborted) status.exitStatus = ExitCode.interrupted;
      else if (!watches.every(succeeded)) status.exitStatus = ExitCode.error;
    }
    if (flags.json) io.stdout.write(JSON.stringify({ jobs: watches.map((watch) => syncJobJson(watch, nowSeconds())) }, null, 2) + '\n');
  });
}
