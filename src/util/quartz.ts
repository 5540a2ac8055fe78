/**
 * Quartz cron expressions as Airbyte's server parses them (org.quartz.CronExpression): 6 or 7 fields, each value
 * in its field's range, and `?` in exactly one of day-of-month and day-of-week. Shared by `validate` and the
 * emulator so both refuse what the real server refuses.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: Field[] = [
  { name: 'seconds', min: 0, max: 59 },
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS },
  { name: 'year', min: 1970, max: 2099 },
];
const DAY_OF_MONTH = 3;
const DAY_OF_WEEK = 5;

/** A number or a name of the field, checked against its range; an error message otherwise. */
function value(text: string, field: Field): number | string {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (!/^\d+$/.test(text)) return `'${text}' is not a ${field.name} value`;
  const number = Number(text);
  if (number < field.min || number > field.max) return `${field.name} ${number} is out of range (${field.min}-${field.max})`;
  return number;
}

/** `L`, `L-3`, `LW`, `15W` in day-of-month; `L`, `5L`, `6#3` in day-of-week. Undefined when `item` is none of them. */
function special(item: string, index: number): string | undefined | null {
  if (index === DAY_OF_MONTH) {
    if (/^L(-\d+)?$/.test(item)) return Number(item.slice(2) || 0) > 30 ? `'${item}': the offset from the last day is at most 30` : null;
    if (item === 'LW') return null;
    const weekday = /^(\d+)W$/.exec(item);
    if (weekday) return typeof value(weekday[1] as string, FIELDS[DAY_OF_MONTH] as Field) === 'string' ? `'${item}': day-of-month is 1-31` : null;
  }
  if (index === DAY_OF_WEEK) {
    const dow = FIELDS[DAY_OF_WEEK] as Field;
    if (item === 'L') return null;
    const last = /^(\w+)L$/.exec(item);
    if (last) return typeof value(last[1] as string, dow) === 'string' ? `'${item}': day-of-week is 1-7 or SUN-SAT` : null;
    const nth = /^(\w+)#(\d+)$/.exec(item);
    if (nth) {
      if (typeof value(nth[1] as string, dow) === 'string') return `'${item}': day-of-week is 1-7 or SUN-SAT`;
      const occurrence = Number(nth[2]);
      return occurrence < 1 || occurrence > 5 ? `'${item}': the occurrence after '#' is 1-5` : null;
    }
  }
  return undefined;
}

/** One comma-separated item: `*`, `n`, `n-m`, any of them with `/step`, or a special day form. */
function checkItem(item: string, index: number): string | undefined {
  const field = FIELDS[index] as Field;
  const specialProblem = special(item, index);
  if (specialProblem !== undefined) return specialProblem ?? undefined;
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined || range === '') return `'${item}' is not a valid ${field.name} field`;
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1 || Number(step) > field.max)) {
    return `'${item}': the step in ${field.name} must be 1-${field.max}`;
  }
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2) return `'${item}' is not a valid ${field.name} field`;
  for (const bound of bounds) {
    const checked = value(bound, field);
    if (typeof checked === 'string') return checked;
  }
  return undefined;
}

function checkField(text: string, index: number): string | undefined {
  const field = FIELDS[index] as Field;
  if (text === '?')
    return index === DAY_OF_MONTH || index === DAY_OF_WEEK ? undefined : `'?' is only allowed in day-of-month or day-of-week, not ${field.name}`;
  for (const item of text.split(',')) {
    const problem = checkItem(item, index);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Why `expression` is not a Quartz cron expression the server accepts, or undefined when it is one. */
export function quartzCronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) {
    return `a Quartz expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), not ${fields.length}`;
  }
  for (const [index, text] of fields.entries()) {
    const problem = checkField(text, index);
    if (problem !== undefined) return problem;
  }
  const questionMarks = [fields[DAY_OF_MONTH], fields[DAY_OF_WEEK]].filter((text) => text === '?').length;
  if (questionMarks !== 1) {
    return "exactly one of day-of-month and day-of-week must be '?' (e.g. '0 0 2 * * ?' or '0 0 2 ? * MON')";
  }
  return undefined;
}
