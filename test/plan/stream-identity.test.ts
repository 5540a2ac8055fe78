/**
 * Stream identity (namespace + name) wherever streams are looked up: the rule itself, the catalog sent to
 * Airbyte, the catalog diff, the checks, and the merge of stored and discovered catalogs.
 */
import { describe, expect, test } from 'vitest';
import type { AirbyteStreamAndConfiguration } from '../../src/api/types.js';
import { availableStreams, buildSyncCatalog, compareStreams } from '../../src/plan/catalog.js';
import { matchStream } from '../../src/plan/checks/stream-match.js';
import { lookupStream, streamKey, streamLabel } from '../../src/streams/identity.js';
import { desiredStream, storedStream } from './fixtures.js';

// The same name in two namespaces; `audit` comes first, so a lookup that ignores the namespace finds it first.
const auditEvents = storedStream('events', { selected: false }, { namespace: 'audit' });
const publicEvents = storedStream('events', { selected: false }, { namespace: 'public' });
const twoNamespaces = [auditEvents, publicEvents];

/** A catalog stream whose namespace the server sent as null. */
const withNullNamespace = (name: string): AirbyteStreamAndConfiguration => {
  const entry = storedStream(name, { selected: false });
  return { ...entry, stream: { ...entry.stream, namespace: null as unknown as string } };
};
const withoutNamespace = (name: string): AirbyteStreamAndConfiguration => {
  const { namespace: _dropped, ...stream } = storedStream(name, { selected: false }).stream;
  return { ...storedStream(name, { selected: false }), stream };
};

describe('lookupStream: the one rule', () => {
  test.each([
    ['public.events finds public, not audit', desiredStream('events', { namespace: 'public' }), twoNamespaces, { kind: 'found', entry: publicEvents }],
    ['audit.events finds audit', desiredStream('events', { namespace: 'audit' }), twoNamespaces, { kind: 'found', entry: auditEvents }],
    [
      'a namespace the catalog lacks is missing, even though the name exists',
      desiredStream('events', { namespace: 'sales' }),
      twoNamespaces,
      { kind: 'missing' },
    ],
    [
      'no namespace, two namespaces: ambiguous',
      desiredStream('events', { namespace: undefined }),
      twoNamespaces,
      { kind: 'ambiguous', candidates: twoNamespaces },
    ],
    ['no namespace, one stream of that name: found', desiredStream('events', { namespace: undefined }), [publicEvents], { kind: 'found', entry: publicEvents }],
    ['no namespace finds a stream whose namespace is null', desiredStream('users', { namespace: undefined }), [withNullNamespace('users')], { kind: 'found' }],
    ['"" selects the stream without namespace (null)', desiredStream('users', { namespace: '' }), [withNullNamespace('users')], { kind: 'found' }],
    ['"" selects the stream without namespace (absent)', desiredStream('users', { namespace: '' }), [withoutNamespace('users')], { kind: 'found' }],
    ['a namespace does not match a stream without one', desiredStream('users', { namespace: 'public' }), [withNullNamespace('users')], { kind: 'missing' }],
  ])('%s', (_, wanted, catalog, expected) => {
    expect(lookupStream(wanted, catalog)).toMatchObject(expected);
  });

  test('null, absent and "" namespaces are one stream: same key, labelled by name alone', () => {
    const keys = [withNullNamespace('users'), withoutNamespace('users'), storedStream('users', {}, { namespace: '' })].map((e) => streamKey(e.stream));
    expect(new Set(keys).size).toBe(1);
    expect(streamLabel(withNullNamespace('users').stream)).toBe('users');
    expect(streamKey(publicEvents.stream)).not.toBe(streamKey(auditEvents.stream));
    expect(streamLabel(publicEvents.stream)).toBe('public.events');
  });
});

describe('every lookup follows it', () => {
  test('the catalog sent to Airbyte selects public.events, not audit.events', () => {
    const catalog = buildSyncCatalog([desiredStream('events', { namespace: 'public' })], twoNamespaces);
    expect(catalog.streams.map((s) => [s.stream.namespace, s.config.selected])).toEqual([
      ['audit', false],
      ['public', true],
    ]);
  });

  test('the catalog diff compares public.events with the stored public.events', () => {
    const stored = {
      streams: [
        storedStream('events', { syncMode: 'incremental', destinationSyncMode: 'append' }, { namespace: 'audit' }),
        storedStream('events', { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' }, { namespace: 'public' }),
      ],
    };
    const result = compareStreams([desiredStream('events', { namespace: 'public' })], stored);
    expect(result.fields).toEqual([{ path: 'streams[audit.events]', before: { syncMode: 'incremental', destinationSyncMode: 'append' }, after: null }]);
  });

  test('the checks find public.events, and call a name in two namespaces ambiguous', () => {
    expect(matchStream(desiredStream('events', { namespace: 'public' }), twoNamespaces)).toEqual({ kind: 'found', entry: publicEvents });
    expect(matchStream(desiredStream('events', { namespace: undefined }), [...twoNamespaces, withNullNamespace('events')])).toEqual({
      kind: 'ambiguous',
      namespaces: ['audit', 'public', '(none)'],
    });
  });

  test('a discovered stream with a null namespace replaces the stored one without namespace, not beside it', () => {
    const merged = availableStreams({ streams: [withoutNamespace('users')] }, { streams: [withNullNamespace('users')] });
    expect(merged).toHaveLength(1);
  });
});
