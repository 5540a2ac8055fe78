/**
 * Connection schedules as the real server resolves them: the legacy `schedule` (create only), the current
 * scheduleType/scheduleData, and the validation whose failures come back as problem bodies (400).
 */
import type { Json, JsonObject, ScheduleData, ScheduleType, TimeUnit } from '../../api/types.js';
import { badRequest, internal, invalidInput, problem } from '../errors.js';
import { isJsonObject } from '../../util/json.js';
import { quartzCronProblem } from '../../util/quartz.js';

/** What a connection stores about its schedule. */
export interface ResolvedSchedule {
  scheduleType: ScheduleType;
  scheduleData?: ScheduleData;
}

const SCHEDULE_TYPES: ScheduleType[] = ['manual', 'basic', 'cron'];
const TIME_UNITS: TimeUnit[] = ['minutes', 'hours', 'days', 'weeks', 'months'];

function cronProblem(kind: string, title: string, detail: string): Error {
  return problem({ status: 400, type: `error:cron-validation/${kind}`, title }, detail);
}

function basicSchedule(value: Json | undefined): { timeUnit: TimeUnit; units: number } {
  if (!isJsonObject(value)) throw invalidInput('scheduleData.basicSchedule is required when scheduleType is basic');
  const { timeUnit, units } = value;
  if (timeUnit === undefined || units === undefined) throw badRequest('basicSchedule needs timeUnit and units');
  if (!TIME_UNITS.includes(timeUnit as TimeUnit)) throw invalidInput(`Invalid timeUnit '${String(timeUnit)}': expected one of ${TIME_UNITS.join(', ')}`);
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) throw invalidInput('basicSchedule.units must be a positive integer');
  // Sub-hour schedules are allowed: platform.allow-sub-one-hour-sync-frequency defaults to true.
  return { timeUnit: timeUnit as TimeUnit, units };
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function cronSchedule(value: Json | undefined): { cronExpression: string; cronTimeZone: string } {
  if (!isJsonObject(value)) throw cronProblem('missing-cron', 'Missing cron', 'scheduleData.cron is required when scheduleType is cron');
  const { cronExpression, cronTimeZone } = value;
  if (typeof cronExpression !== 'string' || typeof cronTimeZone !== 'string') {
    throw cronProblem('missing-cron', 'Missing cron', 'cron needs cronExpression and cronTimeZone');
  }
  if (cronTimeZone.startsWith('Etc') || !validTimeZone(cronTimeZone)) {
    throw cronProblem('invalid-timezone', 'Invalid cron time zone', `Invalid time zone: ${cronTimeZone}`);
  }
  // The server parses the expression with Quartz's CronExpression; any parse failure is this problem.
  if (quartzCronProblem(cronExpression) !== undefined) {
    throw cronProblem('invalid-expression', 'Invalid cron expression', `Invalid Quartz cron expression: ${cronExpression}`);
  }
  return { cronExpression, cronTimeZone };
}

/** Validates a current-model schedule. Shared by create and update. */
function resolveTyped(scheduleType: Json | undefined, scheduleData: Json | undefined): ResolvedSchedule {
  if (!SCHEDULE_TYPES.includes(scheduleType as ScheduleType)) throw invalidInput(`Invalid scheduleType '${String(scheduleType)}'`);
  const data = isJsonObject(scheduleData) ? scheduleData : {};
  if (scheduleType === 'basic') return { scheduleType, scheduleData: { basicSchedule: basicSchedule(data['basicSchedule']) } };
  if (scheduleType === 'cron') return { scheduleType, scheduleData: { cron: cronSchedule(data['cron']) } };
  return { scheduleType: 'manual' };
}

/** Create: legacy `schedule` → basic, both models at once → 422, neither → manual. */
export function scheduleForCreate(body: JsonObject): ResolvedSchedule {
  const legacy = body['schedule'];
  const hasLegacy = legacy !== undefined && legacy !== null;
  const hasTyped = body['scheduleType'] !== undefined && body['scheduleType'] !== null;
  if (hasLegacy && hasTyped) throw invalidInput('Supply old or new schedule schema but not both.');
  if (hasTyped) return resolveTyped(body['scheduleType'], body['scheduleData']);
  if (hasLegacy) return { scheduleType: 'basic', scheduleData: { basicSchedule: basicSchedule(legacy) } };
  return { scheduleType: 'manual' };
}

/**
 * Update: the server's require() checks (bare 500s) come first, then the same validation as create.
 * `undefined` means the schedule is not part of the patch.
 */
export function scheduleForUpdate(body: JsonObject): ResolvedSchedule | undefined {
  const present = (key: string): boolean => body[key] !== undefined && body[key] !== null;
  if (present('schedule')) throw internal("'schedule' is no longer supported");
  if (!present('scheduleType')) {
    if (present('scheduleData')) throw internal('scheduleData requires scheduleType');
    return undefined;
  }
  const scheduleType = body['scheduleType'];
  if (scheduleType === 'manual' && present('scheduleData')) throw internal('manual schedules take no scheduleData');
  if (scheduleType !== 'manual' && !present('scheduleData')) throw internal(`scheduleType ${String(scheduleType)} requires scheduleData`);
  return resolveTyped(scheduleType, body['scheduleData']);
}
