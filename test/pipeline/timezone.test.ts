/**
 * The time zone of a cron schedule is checked as Intl.DateTimeFormat would check it, without constructing one for
 * the usual names (the first construction loads ICU data and costs `validate` tens of milliseconds at start-up).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPipeline } from '../../src/pipeline/load.js';
import { isKnownTimeZone } from '../../src/pipeline/schedule.js';
import { tempDir } from '../temp.js';

const acceptedByIntl = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

function load(timezone: string): string[] {
  const file = join(tempDir(), 'cron.yaml');
  const lines = [
    'sources: [{ name: pg }]',
    'destinations: [{ name: s3 }]',
    'connections:',
    '  - name: c',
    '    source: pg',
    '    destination: s3',
    `    schedule: { cron: "0 0 2 * * ?", timezone: "${timezone}" }`,
    '    streams: [{ name: s, syncMode: full_refresh, destinationSyncMode: overwrite }]',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return loadPipeline([file], {}).problems.map((problem) => `${problem.line}:${problem.col} ${problem.message}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isKnownTimeZone', () => {
  it.each([
    'UTC',
    'Europe/Paris',
    'America/Argentina/Buenos_Aires',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'US/Eastern',
    'europe/paris',
    'utc',
    'GMT',
    'EST',
    'Zulu',
    'Europe/Pariss',
    'Mars/Olympus',
    '+01:00',
    'GMT+1',
    '',
    'Europe/Paris ',
  ])('answers as Intl.DateTimeFormat for %j', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(acceptedByIntl(zone));
  });

  it('accepts every zone Intl lists, as Intl.DateTimeFormat does', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    expect(zones.filter((zone) => !isKnownTimeZone(zone) || !acceptedByIntl(zone))).toEqual([]);
  });
});

describe('the time zone of a cron schedule', () => {
  it('constructs no DateTimeFormat for a listed zone, and one for an alias or a mistake', () => {
    const constructed = vi.spyOn(Intl, 'DateTimeFormat');
    expect(load('Europe/Paris')).toEqual([]);
    expect(load('UTC')).toEqual([]);
    expect(constructed).not.toHaveBeenCalled();
    expect(load('US/Pacific')).toEqual([]);
    expect(constructed).toHaveBeenCalledTimes(1);
    expect(load('Europe/Pariss')).toEqual([
      "7:48 unknown time zone 'Europe/Pariss' in the schedule of connection 'c' (use an IANA name such as 'UTC' or 'Europe/Paris')",
    ]);
    expect(constructed).toHaveBeenCalledTimes(2);
  });
});
