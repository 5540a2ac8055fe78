import type { Command } from 'commander';
import { register as validate } from './validate.js';
import { register as emulator } from './emulator.js';

/** Every command registers itself on the program; the order here is the order of `--help`. */
export const commands: ((program: Command) => void)[] = [validate, emulator];
