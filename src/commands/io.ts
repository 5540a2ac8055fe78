/**
 * What a command reads and writes, handed down from the CLI entry. No command reads `process.stdout`, `.stderr`,
 * `.env`, `.cwd()` or sets `process.exitCode` itself, so the whole program can run inside another process (the
 * tests do) with its own streams, environment and working directory.
 */
import type { Command } from 'commander';

/** The process-like surroundings of one run of the program. */
export interface CommandIo {
  /** Where `apply` asks for approval (only when it is a terminal). */
  stdin: NodeJS.ReadStream;
  /** Results: plans, tables, JSON documents. Colour only when it is a terminal. */
  stdout: NodeJS.WriteStream;
  /** Errors, warnings, progress under --json, debug lines. */
  stderr: NodeJS.WriteStream;
  /** Secrets, AIRBYTE_* settings, ${VAR}s in pipelines, NO_COLOR, GITHUB_ACTIONS. */
  env: NodeJS.ProcessEnv;
  /** The working directory: where --emulator keeps its state. */
  cwd: string;
}

/**
 * The exit status of one run when its command ends without an error (a failed check, changes under
 * --detailed-exitcode, a failed step). Errors map to statuses in cli/run.ts. One per run, never shared.
 */
export interface RunStatus {
  exitStatus: number;
}

/** How each command adds itself to the program (./define/<name>.ts): its definition, its action loaded when it runs. */
export type RegisterCommand = (program: Command, io: CommandIo, status: RunStatus) => void;
