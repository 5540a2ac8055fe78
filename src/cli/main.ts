#!/usr/bin/env node
/**
 * The airbyte-gitops command line. Each command is defined in ../commands/define/<name>.ts and runs the flow in
 * ../commands/<name>.ts, loaded only when that command runs; errors are printed and mapped to exit codes in
 * exactly one place (./run.ts). This file is the only one
 * that hands the real process (its streams, environment, working directory, exit code) to the program.
 */
import { runProgram } from './run.js';

process.exitCode = await runProgram(
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  process.argv,
);
