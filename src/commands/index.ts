import { register as validate } from './validate.js';
import { register as plan } from './plan.js';
import { register as apply } from './apply.js';
import { register as graph } from './graph.js';
import { register as check } from './check.js';
import { register as discover } from './discover.js';
import { register as sync } from './sync.js';
import { register as jobs } from './jobs.js';
import { register as cancel } from './cancel.js';
import { register as exportCommand } from './export.js';
import { register as emulator } from './emulator.js';
import type { RegisterCommand } from './io.js';

/** Every command registers itself on the program; the order here is the order of `--help`. */
export const commands: RegisterCommand[] = [validate, plan, apply, graph, check, discover, sync, jobs, cancel, exportCommand, emulator];
