/**
 * Backup files: names safe on every file system and bounded, never overwriting, never half-written, readable back;
 * a large state written compactly; what the file system's errors read as.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/api/types.js';
import { backupText, readStateSource, type StateBackupFileV1 } from '../../src/operate/state-file.js';
import { backupFileName, safeNamePart, saveBackupFile, writeNewFile, writeProblem } from '../../src/operate/state-write.js';
import { tempDir } from '../temp.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

function backup(state: ConnectionState, name = 'pg → s3'): StateBackupFileV1 {
  return {
    formatVersion: 1,
    savedAt: '2026-11-27T11:45:56.123Z',
    workspaceId: 'ws',
    connectionId: state.connectionId,
    connectionName: name,
    reason: 'update',
    state,
  };
}

describe('backup file names', () => {
  it.each([
    ['PostgreSQL → MinIO', 'PostgreSQL-MinIO'],
    ['Café Müller', 'Cafe-Muller'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'connection'],
    ['C:\\Windows\\system32', 'C-Windows-system32'],
    ['a\u0000b\u001b[2Jc\u202ed', 'a-b-2Jc-d'],
    ['', 'connection'],
    ['---', 'connection'],
    ['.hidden', 'hidden'],
  ])('%j → %j', (name, part) => {
    expect(safeNamePart(name)).toBe(part);
  });

  it('bounds a 10 KB name to 60 characters and keeps the name unique by the id', () => {
    const name = backupFileName(new Date('2026-11-27T11:45:56.123Z'), 'x'.repeat(10_000), '2b1e5c0e-0000-4000-8000-000000000001');
    expect(name).toBe(`2026-11-27T11-45-56.123Z-${'x'.repeat(60)}-2b1e5c0e-0000-4000-8000-000000000001.json`);
    expect(Buffer.byteLength(name)).toBeLessThan(255);
  });

  it('makes a hostile connection id safe too, and numbers a repeated name', () => {
    expect(backupFileName(new Date(0), 'c', '../../x', 2)).toBe('1970-01-01T00-00-00.000Z-c-x-2.json');
  });
});

describe('writing backups', () => {
  it('writes a new file 0600 and leaves no temporary file behind', () => {
    const dir = tempDir();
    writeNewFile(join(dir, 'a.json'), 'text');
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(statSync(join(dir, 'a.json')).mode & 0o777).toBe(0o600);
  });

  it('never replaces an existing file, and leaves no temporary file when it refuses', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'mine');
    expect(() => writeNewFile(join(dir, 'a.json'), 'theirs')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('creates the directory (0700) with its parents and gives a taken name the next number', () => {
    const dir = join(tempDir(), 'a', 'b');
    const state: ConnectionState = { connectionId: 'c-1', stateType: 'legacy', state: { cursor: 1 } };
    const first = saveBackupFile(dir, backup(state));
    const second = saveBackupFile(dir, backup(state));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect([first, second]).toEqual([join(dir, '2026-11-27T11-45-56.123Z-pg-s3-c-1.json'), join(dir, '2026-11-27T11-45-56.123Z-pg-s3-c-1-2.json')]);
    expect(readStateSource(second)).toEqual({ file: second, backup: withoutState(backup(state)), state });
  });

  it('writes a large state on one line (about its size on the wire), still read back whole', () => {
    const streams = Array.from({ length: 8000 }, (_, i) => ({
      streamDescriptor: { name: `stream_${i}`, namespace: 'public' },
      streamState: { cursor: `2026-11-${i}`, extra: 'x'.repeat(100) },
    }));
    const state: ConnectionState = { connectionId: 'c-1', stateType: 'stream', streamState: streams };
    const text = backupText(backup(state));
    expect(text.length).toBeLessThan(JSON.stringify(state).length + 400);
    expect(text.split('\n').length).toBeLessThan(12);
    const file = join(tempDir(), 'big.json');
    writeFileSync(file, text);
    expect(JSON.stringify(readStateSource(file).state)).toBe(JSON.stringify(state));
    // A small one is indented, for people.
    expect(backupText(backup({ connectionId: 'c', stateType: 'not_set' }))).toContain('\n  "state": {\n    "connectionId": "c",\n');
  });
});

function withoutState(file: StateBackupFileV1): Omit<StateBackupFileV1, 'state'> {
  const { state: _state, ...rest } = file;
  return rest;
}

describe('file system errors in words', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'the file system is read-only'],
    ['ENOTDIR', 'a part of the path is a file, not a directory'],
    ['ENOSPC', 'the disk is full'],
    ['ENAMETOOLONG', 'the path is too long'],
  ])('%s', (code, words) => {
    expect(writeProblem(errno(code))).toBe(words);
  });
});
