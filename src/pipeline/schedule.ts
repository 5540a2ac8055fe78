/**
 * The `schedule` of a connection: `manual` (or absent), `{ units, timeUnit }` or `{ cron, timezone }`. Checked by
 * hand rather than by the schema's oneOf, whose errors name every branch at once and help nobody.
 */
import type { TimeUnit } from '../api/types.js';
import type { DesiredSchedule, SourceLocation } from '../model/desired.js';
import type { Problem } from '../model/problem.js';
import { quartzCronProblem } from '../util/quartz.js';
import { didYouMean } from '../util/suggest.js';
import { childPointer, type LocatedDocument } from './parse.js';

const TIME_UNITS: TimeUnit[] = ['minutes', 'hours', 'days', 'weeks', 'months'];
const KEYS = ['units', 'timeUnit', 'cron', 'timezone'];

/** A schedule and what is wrong with it; the schedule falls back to manual when it cannot be read. */
export interface ScheduleResult {
  schedule: DesiredSchedule;
  problems: Problem[];
}

/** The time zones ICU lists by their canonical names; read once, when the first zone other than UTC is checked. */
let canonicalZones: ReadonlySet<string> | undefined;

/**
 * True when Intl knows `zone` (an IANA name, an alias such as US/Eastern, in any case). The usual names are found
 * in Intl's list of canonical zones; only another name costs a DateTimeFormat, whose first construction loads ICU's
 * locale and time-zone data (tens of milliseconds, a good part of `validate`'s start-up). Either way the answer is
 * the DateTimeFormat's: every listed zone is one it accepts.
 */
export function isKnownTimeZone(zone: string): boolean {
  // The default, and the zone most schedules name: not even the list is needed.
  if (zone === 'UTC') return true;
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

class ScheduleReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly doc: LocatedDocument,
    private readonly pointer: string,
    private readonly owner: string,
  ) {}

  fail(message: string, key?: string, onKey = false): void {
    const locs = this.doc.locs.get(key === undefined ? this.pointer : childPointer(this.pointer, key));
    const loc: SourceLocation = (onKey ? locs?.key : locs?.value) ?? locs?.value ?? { file: this.doc.file, line: 1, col: 1 };
    this.problems.push({ severity: 'error', ...loc, message });
  }

  basic(fields: Record<string, unknown>): DesiredSchedule | undefined {
    const { units, timeUnit } = fields;
    if (units === undefined) this.fail(`${this.owner} is missing required key 'units'`);
    else if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
      this.fail(`'units' in ${this.owner} must be a positive integer`, 'units');
    }
    if (timeUnit === undefined) this.fail(`${this.owner} is missing required key 'timeUnit'`);
    else if (typeof timeUnit !== 'string' || !TIME_UNITS.includes(timeUnit as TimeUnit)) {
      const hint = typeof timeUnit === 'string' ? didYouMean(timeUnit, TIME_UNITS) : '';
      this.fail(`'timeUnit' in ${this.owner} must be one of: ${TIME_UNITS.join(', ')}${hint}`, 'timeUnit');
    }
    if (this.problems.length > 0) return undefined;
    return { type: 'basic', units: units as number, timeUnit: timeUnit as TimeUnit };
  }

  cron(fields: Record<string, unknown>): DesiredSchedule | undefined {
    const { cron, timezone = 'UTC' } = fields;
    if (typeof cron !== 'string') this.fail(`'cron' in ${this.owner} must be a string`, 'cron');
    else {
      const parts = cron.trim().split(/\s+/);
      if (parts.length < 6 || parts.length > 7) {
        this.fail(
          `'cron' in ${this.owner} must be a Quartz expression with 6 or 7 fields ` +
            `(seconds minutes hours day-of-month month day-of-week [year]), not ${parts.length}, e.g. "0 0 2 * * ?"`,
          'cron',
        );
      } else {
        const problem = quartzCronProblem(cron);
        if (problem !== undefined) this.fail(`'cron' in ${this.owner} is not a valid Quartz expression: ${problem}`, 'cron');
      }
    }
    this.checkTimezone(timezone);
    if (this.problems.length > 0) return undefined;
    return { type: 'cron', cronExpression: (cron as string).trim(), cronTimeZone: timezone as string };
  }

  checkTimezone(timezone: unknown): void {
    if (typeof timezone !== 'string') return this.fail(`'timezone' in ${this.owner} must be a string`, 'timezone');
    if (timezone.startsWith('Etc')) {
      return this.fail(`time zone '${timezone}' in ${this.owner} is rejected by Airbyte (no 'Etc/...' zones); use e.g. 'UTC'`, 'timezone');
    }
    if (!isKnownTimeZone(timezone)) {
      this.fail(`unknown time zone '${timezone}' in ${this.owner} (use an IANA name such as 'UTC' or 'Europe/Paris')`, 'timezone');
    }
  }

  read(value: unknown): DesiredSchedule | undefined {
    if (value === undefined || value === 'manual') return { type: 'manual' };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(`${this.owner} must be 'manual', { units, timeUnit } or { cron, timezone }`);
      return undefined;
    }
    const fields = value as Record<string, unknown>;
    for (const key of Object.keys(fields).filter((name) => !KEYS.includes(name))) {
      this.fail(`unknown key '${key}' in ${this.owner}${didYouMean(key, KEYS)}`, key, true);
    }
    const isBasic = 'units' in fields || 'timeUnit' in fields;
    const isCron = 'cron' in fields || 'timezone' in fields;
    if (isBasic && isCron) {
      this.fail(`${this.owner} mixes { units, timeUnit } with { cron, timezone }: use one or the other`);
      return undefined;
    }
    if (isBasic) return this.basic(fields);
    if (isCron) return this.cron(fields);
    if (this.problems.length === 0) this.fail(`${this.owner} needs { units, timeUnit } or { cron, timezone }`);
    return undefined;
  }
}

/** Reads the schedule at `pointer`; `owner` names it in messages ("the schedule of connection 'x'"). */
export function readSchedule(value: unknown, doc: LocatedDocument, pointer: string, owner: string): ScheduleResult {
  const reader = new ScheduleReader(doc, pointer, owner);
  const schedule = reader.read(value) ?? { type: 'manual' };
  return { schedule, problems: reader.problems };
}
