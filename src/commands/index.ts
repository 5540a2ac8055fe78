/**
 * The commands of the program, in the order of `--help`. Each is defined (name, arguments, options, help text) in
 * ./define/<name>.ts, which loads nothing but commander; the command's flow in ./<name>.ts, and everything it
 * uses, is imported only when the command runs. So `--help` and `validate` do not load the client, the emulator
 * or the planner.
 */
import { register as validate } from './define/validate.js';
import { register as plan } from './define/plan.js';
import { register as apply } from './define/apply.js';
import { register as graph } from './define/graph.js';
import { register as check } from './define/check.js';
import { register as discover } from './define/discover.js';
import { register as sync } from './define/sync.js';
import { register as jobs } from './define/jobs.js';
import { register as cancel } from './define/cancel.js';
import { register as state } from './define/state.js';
import { register as exportCommand } from './define/export.js';
import { register as emulator } from './define/emulator.js';
import { register as init } from './define/init.js';
import type { RegisterCommand } from './io.js';

export const commands: RegisterCommand[] = [validate, plan, apply, graph, check, discover, sync, jobs, cancel, state, exportCommand, init, emulator];
