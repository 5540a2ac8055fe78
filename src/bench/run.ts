/** `npm run bench`: the benchmarks, measured side by side in one run. Prints a report; asserts nothing. */
import { benchApply } from './apply.js';
import { benchApplyScale } from './apply-scale.js';
import { benchExecutor } from './executor.js';
import { benchEmulator } from './emulator.js';
import { benchPlan } from './plan.js';
import { benchStartup } from './startup.js';

const sections = [benchPlan, benchApply, benchExecutor, benchApplyScale, benchStartup, benchEmulator];
for (const bench of sections) {
  process.stdout.write(`${await bench()}\n\n`);
}
