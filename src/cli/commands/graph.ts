import type { Command } from 'commander';

/** Placeholder until the command lands. */
export function register(_program: Command): void {}
