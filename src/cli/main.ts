#!/usr/bin/env node
/**
 * The airbyte-gitops command line. Each command is defined in ../commands/define/<name>.ts and runs the flow in
 * ../commands/<name>.ts, loaded only when that command runs; errors are printed and mapped to exit codes in
 * exactly one place (./run.ts). This file is the only one
 * that hands the real process (its streams, environment, working directory, exit code) to the program.
 */
import { runProgram } from './run.js';

// A reader that stops early (`airbyte-gitops plan | head`) closes the pipe: what is left to print has nowhere to go,
// which is not an error of the run. The run goes on (an apply finishes what it started) and exits with its own
// status; any other error of the streams is left to Node.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

process.exitCode = await runProgram(
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  process.argv,
);
