/** Apply: execute a plan (as a value) against Airbyte, and saved plans for `plan --out` / `apply plan.json`. */
export { executePlan, DEFAULT_PARALLELISM } from './executor.js';
export { writeSavedPlan, readSavedPlan, savedPlanOf, isSavedPlanFile, SAVED_PLAN_KIND, type SavedPlanV1 } from './saved-plan.js';
export { toJsonResult, type JsonApplyResultV1 } from './progress.js';
export type { ApplyClient, ApplyResult, StepOutcome, ExecuteOptions } from './types.js';
