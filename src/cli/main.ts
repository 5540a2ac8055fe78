#!/usr/bin/env node
/**
 * The airbyte-gitops command line. Each command lives in ./commands/<name>.ts and registers itself on the
 * program; errors are printed and mapped to exit codes in exactly one place (./run.ts).
 */
import { buildProgram } from './program.js';
import { runProgram } from './run.js';

await runProgram(buildProgram(), process.argv);
