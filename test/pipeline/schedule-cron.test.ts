/** `validate` checks Quartz cron expressions field by field, as the server's parser does, at the cron's file:line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { tempDir } from '../temp.js';

function problemsFor(cron: string): string[] {
  const file = join(tempDir(), 'cron.yaml');
  const pipeline = [
    'sources:',
    '  - name: pg',
    'destinations:',
    '  - name: s3',
    'connections:',
    '  - name: pg-to-s3',
    '    source: pg',
    '    destination: s3',
    `    schedule: { cron: "${cron}", timezone: UTC }`,
    '    streams:',
    '      - { name: customers, syncMode: full_refresh, destinationSyncMode: overwrite }',
    '',
  ];
  writeFileSync(file, pipeline.join('\n'));
  return loadPipeline([file], {}).problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`);
}

const prefix = "9:23 'cron' in the schedule of connection 'pg-to-s3' is not a valid Quartz expression: ";

describe('Quartz cron in validate', () => {
  it.each([
    '0 0 12 * * ?',
    '0 15 10 ? * MON-FRI',
    '0 0/5 14 * * ?',
    '0 15 10 L * ?',
    '0 15 10 ? * 6#3',
    '0 15 10 ? * 6L 2030',
    '0 0 12 1/5 * ?',
    '0 0 12 ? JAN-MAR wed',
    '0 0,15,30 * * * ?',
    '0 0 0 LW * ?',
    '0 0 0 15W * ?',
    '0 0 0 L-3 * ?',
    '0 0 2 * * ? *',
  ])('accepts %s', (cron) => {
    expect(problemsFor(cron)).toEqual([]);
  });

  it.each([
    ['0 30 2 * * *', "exactly one of day-of-month and day-of-week must be '?' (e.g. '0 0 2 * * ?' or '0 0 2 ? * MON')"],
    ['0 30 2 ? * ?', "exactly one of day-of-month and day-of-week must be '?' (e.g. '0 0 2 * * ?' or '0 0 2 ? * MON')"],
    ['0 30 25 * * ?', 'hours 25 is out of range (0-23)'],
    ['0 61 2 * * ?', 'minutes 61 is out of range (0-59)'],
    ['60 0 2 * * ?', 'seconds 60 is out of range (0-59)'],
    ['0 0 2 0 * ?', 'day-of-month 0 is out of range (1-31)'],
    ['0 0 2 1-32 * ?', 'day-of-month 32 is out of range (1-31)'],
    ['0 0 2 * 13 ?', 'month 13 is out of range (1-12)'],
    ['0 0 2 * FOO ?', "'FOO' is not a month value"],
    ['0 0 2 ? * 8', 'day-of-week 8 is out of range (1-7)'],
    ['0 0 2 ? * 6#6', "'6#6': the occurrence after '#' is 1-5"],
    ['0 0/0 2 * * ?', "'0/0': the step in minutes must be 1-59"],
    ['? 0 2 * * ?', "'?' is only allowed in day-of-month or day-of-week, not seconds"],
    ['0 0 2 * * ? 1800', 'year 1800 is out of range (1970-2099)'],
  ])('refuses %s: %s', (cron, reason) => {
    expect(problemsFor(cron)).toEqual([`${prefix}${reason}`]);
  });
});
