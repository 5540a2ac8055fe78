import type { Command } from 'commander';

/** Every command registers itself on the program; the order here is the order of `--help`. */
export const commands: ((program: Command) => void)[] = [];
