import { describe, expect, it } from 'vitest';
import { envVarName, EnvNameAllocator, upperSnake } from '../../src/operate/env-names.js';
import { formatBytes, formatCount, formatDuration, formatTimestamp, parseDuration, renderTable } from '../../src/operate/format.js';
import { toYaml } from '../../src/operate/yaml.js';

describe('renderTable', () => {
  it('pads columns to the widest cell and trims trailing spaces', () => {
    expect(
      renderTable(
        ['ID', 'STATUS', 'X'],
        [
          ['1', 'succeeded', ''],
          ['12', 'failed', 'y'],
        ],
      ),
    ).toBe(['ID  STATUS     X', '1   succeeded', '12  failed     y', ''].join('\n'));
  });
  it('does not count colour escapes as width', () => {
    expect(renderTable(['A', 'B'], [['\u001b[32mok\u001b[39m', 'x']])).toBe('A   B\n\u001b[32mok\u001b[39m  x\n');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [-3, '0s'],
    [59.9, '59s'],
    [60, '1m 00s'],
    [125, '2m 05s'],
    [3600, '1h 00m'],
    [3725, '1h 02m'],
    [90_000, '1d 01h'],
  ])('%s s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 KB'],
    [1234, '1.2 KB'],
    [14_544_664, '14.5 MB'],
    [3_000_000_000, '3.0 GB'],
    [2e18, '2000.0 PB'],
  ])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatCount and formatTimestamp', () => {
  it('separates thousands', () => {
    expect([0, 999, 1000, 84562, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '84,562', '1,234,567']);
  });
  it('shows epoch seconds in UTC', () => {
    expect(formatTimestamp(1_764_130_563)).toBe('2025-11-26 04:16:03Z');
  });
});

describe('parseDuration', () => {
  it.each([
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['2', 2000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['1d', 86_400_000],
  ])('%s → %s ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'soon', '1 hour', '-5s', '1x', 'h'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('environment variable names', () => {
  it('joins resource and field path in UPPER_SNAKE_CASE', () => {
    expect(envVarName('PostgreSQL - Ecommerce', ['password'])).toBe('POSTGRESQL_ECOMMERCE_PASSWORD');
    expect(envVarName('PostgreSQL - Ecommerce', ['tunnel_method', 'ssh_key'])).toBe('POSTGRESQL_ECOMMERCE_TUNNEL_METHOD_SSH_KEY');
    expect(envVarName('Café → Lake', ['credentials', 'private_key'])).toBe('CAFE_LAKE_CREDENTIALS_PRIVATE_KEY');
    expect(envVarName('3rd party', ['token'])).toBe('_3RD_PARTY_TOKEN');
    expect(envVarName('→', [])).toBe('SECRET');
    expect(upperSnake('  a--b  ')).toBe('A_B');
  });
  it('never gives a name that GitHub Actions, the runner or the tool read as their own: PIPELINE_ goes in front', () => {
    expect(envVarName('GitHub', ['token'])).toBe('PIPELINE_GITHUB_TOKEN');
    expect(envVarName('Airbyte', ['password'])).toBe('PIPELINE_AIRBYTE_PASSWORD');
    expect(envVarName('Airbyte', ['token'])).toBe('PIPELINE_AIRBYTE_TOKEN');
    expect(envVarName('airbyte', ['client', 'secret'])).toBe('PIPELINE_AIRBYTE_CLIENT_SECRET');
    expect(envVarName('Runner', ['temp'])).toBe('PIPELINE_RUNNER_TEMP');
    expect(envVarName('Input', ['key'])).toBe('PIPELINE_INPUT_KEY');
    expect(envVarName('Actions', ['runtime_token'])).toBe('PIPELINE_ACTIONS_RUNTIME_TOKEN');
    expect(envVarName('Path', [])).toBe('PIPELINE_PATH');
    // A name that only begins like one is left alone.
    expect(envVarName('GitHubber', ['token'])).toBe('GITHUBBER_TOKEN');
    const names = new EnvNameAllocator();
    expect([names.allocate('GitHub', ['token']), names.allocate('Pipeline GitHub', ['token'])]).toEqual(['PIPELINE_GITHUB_TOKEN', 'PIPELINE_GITHUB_TOKEN_2']);
  });
  it('never hands out the same name twice', () => {
    const names = new EnvNameAllocator();
    expect([
      names.allocate('pg', ['password']),
      names.allocate('PG', ['password']),
      names.allocate('pg!', ['password']),
      names.allocate('pg', ['password_2']),
    ]).toEqual(['PG_PASSWORD', 'PG_PASSWORD_2', 'PG_PASSWORD_3', 'PG_PASSWORD_2_2']);
  });
});

describe('toYaml', () => {
  it('writes short lists and small option objects in flow style', () => {
    const text = toYaml({
      configuration: { schemas: ['public'], ssl_mode: { mode: 'disable' }, format: { a: 1, b: 2, c: 3 } },
      streams: [{ name: 's', cursorField: ['updated_at'], primaryKey: [['id'], ['tenant']] }],
    });
    expect(text).toBe(
      [
        'configuration:',
        '  schemas: [public]',
        '  ssl_mode: {mode: disable}',
        '  format:',
        '    a: 1',
        '    b: 2',
        '    c: 3',
        'streams:',
        '  - name: s',
        '    cursorField: [updated_at]',
        '    primaryKey: [[id], [tenant]]',
        '',
      ].join('\n'),
    );
  });
});
