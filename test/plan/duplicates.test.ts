import { describe, expect, it } from 'vitest';
import { GitopsError } from '../../src/errors.js';
import { describeGroup, findDuplicates } from '../../src/plan/duplicates.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderText } from '../../src/plan/render/text.js';
import { plain } from '../../src/util/color.js';
import { inSync, maskedPg, planFor, remoteActor, remoteConnection, remoteState, storedStream, MYSQL } from './fixtures.js';

const all = () => true;
const at = (seconds: number) => ({ createdAt: seconds });

/** Airbyte holding the in-sync pipeline twice over: pg, lake and pg-to-lake each have a younger exact copy. */
function doubled() {
  const { desired, remote } = inSync();
  const [pg, lake, link] = [remote.sources[0], remote.destinations[0], remote.connections[0]];
  if (!pg || !lake || !link) throw new Error('fixture');
  const twice = remoteState({
    sources: [
      { ...pg, ...at(100) },
      { ...pg, id: 'src-2', ...at(101) },
    ],
    destinations: [
      { ...lake, ...at(100) },
      { ...lake, id: 'dst-2', ...at(101) },
    ],
    connections: [
      { ...link, ...at(100) },
      { ...link, id: 'conn-2', sourceId: 'src-2', destinationId: 'dst-2', ...at(101) },
    ],
  });
  return { desired, remote: twice };
}

describe('findDuplicates', () => {
  it('keeps the oldest copy (then the smallest id) and marks exact copies for removal', () => {
    const remote = remoteState({
      sources: [
        { ...remoteActor('source', 'b', 'pg', maskedPg), ...at(5) },
        { ...remoteActor('source', 'a', 'pg', maskedPg), ...at(5) },
        { ...remoteActor('source', 'z', 'pg', maskedPg), ...at(4) },
      ],
    });
    const [group] = findDuplicates(remote, all);
    expect(group?.copies.map((copy) => [copy.id, copy.verdict])).toEqual([
      ['z', 'keep'],
      ['a', 'remove'],
      ['b', 'remove'],
    ]);
  });

  it('never removes a copy whose connector or configuration differs, or that a connection of its own uses', () => {
    const remote = remoteState({
      sources: [
        { ...remoteActor('source', 'old', 'pg', maskedPg), ...at(1) },
        { ...remoteActor('source', 'other-host', 'pg', { ...maskedPg, host: 'elsewhere' }), ...at(2) },
        { ...remoteActor('source', 'mysql', 'pg', maskedPg, MYSQL), ...at(3) },
        { ...remoteActor('source', 'busy', 'pg', maskedPg), ...at(4) },
      ],
      connections: [remoteConnection('only-one', 'nightly', [], { sourceId: 'busy' })],
    });
    const [group] = findDuplicates(remote, all);
    expect(group?.copies).toEqual([
      { id: 'old', createdAt: 1, verdict: 'keep' },
      { id: 'other-host', createdAt: 2, verdict: 'differs', reason: "its configuration differs from the kept one's (host)" },
      { id: 'mysql', createdAt: 3, verdict: 'differs', reason: 'it uses another connector' },
      { id: 'busy', createdAt: 4, verdict: 'differs', reason: "connection 'nightly' uses it" },
    ]);
  });

  it("a connection on a duplicate source is an exact duplicate of the kept source's connection; the one wired to kept copies is kept", () => {
    const { remote } = doubled();
    const groups = findDuplicates(remote, all);
    expect(groups.map((g) => [g.kind, g.copies.map((c) => `${c.id}:${c.verdict}`)])).toEqual([
      ['source', ['src-1:keep', 'src-2:remove']],
      ['destination', ['dst-1:keep', 'dst-2:remove']],
      ['connection', ['conn-1:keep', 'conn-2:remove']],
    ]);
    // Wired to the kept copies wins over age.
    const younger = { ...remote, connections: remote.connections.map((c) => (c.id === 'conn-1' ? { ...c, createdAt: 999 } : c)) };
    expect(findDuplicates(younger, all)[2]?.copies.map((c) => `${c.id}:${c.verdict}`)).toEqual(['conn-1:keep', 'conn-2:remove']);
  });

  it('copies wired crosswise (oldest source, other destination): the oldest connection decides which copies are kept', () => {
    const { remote } = doubled();
    // dst-2 is now the older destination, so the oldest source and the oldest destination have no connection in common.
    const crosswise = { ...remote, destinations: remote.destinations.map((d) => ({ ...d, createdAt: d.id === 'dst-2' ? 50 : 100 })) };
    const groups = findDuplicates(crosswise, all);
    expect(groups.map((g) => [g.kind, g.copies.map((c) => `${c.id}:${c.verdict}`)])).toEqual([
      ['source', ['src-1:keep', 'src-2:remove']],
      ['destination', ['dst-1:keep', 'dst-2:remove']],
      ['connection', ['conn-1:keep', 'conn-2:remove']],
    ]);
  });

  it('a connection copy with other streams differs', () => {
    const { remote } = doubled();
    const changed = {
      ...remote,
      connections: remote.connections.map((c) => (c.id === 'conn-2' ? { ...c, syncCatalog: { streams: [storedStream('orders')] } } : c)),
    };
    const connection = findDuplicates(changed, all)[2];
    expect(connection?.copies[1]).toMatchObject({ id: 'conn-2', verdict: 'differs', reason: "its syncCatalog differs from the kept one's" });
    // Its source copy is then in use by a connection that stays: not removed either.
    expect(findDuplicates(changed, all)[0]?.copies[1]).toMatchObject({ id: 'src-2', verdict: 'differs' });
  });

  it('describes each copy on one line, with outside text made safe by the caller', () => {
    const lines = describeGroup(
      {
        kind: 'source',
        name: 'pg\u001b[2J',
        copies: [
          { id: 'a', createdAt: 0, verdict: 'keep' },
          { id: 'b', createdAt: undefined, verdict: 'differs', reason: "connection 'x\nfake' uses it" },
        ],
      },
      (name) => `<${JSON.stringify(name)}>`,
      (text) => text.replace('\n', '?'),
    );
    expect(lines).toEqual([
      'source <"pg\\u001b[2J"> exists 2 times in Airbyte:',
      '  keep    id a (created 1970-01-01T00:00:00Z): the oldest, kept',
      "  differs id b (creation time unknown): connection 'x?fake' uses it; rename or delete it in Airbyte",
    ]);
  });
});

describe('the plan with duplicates', () => {
  it('exact duplicates: planned against the kept copies, listed in the plan, nothing unmanaged', () => {
    const { desired, remote } = doubled();
    const plan = planFor(desired, remote);
    expect(plan.changes.map((c) => [c.kind, c.action, c.id])).toEqual([
      ['source', 'no-op', 'src-1'],
      ['destination', 'no-op', 'dst-1'],
      ['connection', 'no-op', 'conn-1'],
    ]);
    expect(plan.unmanaged).toEqual([]);
    expect(plan.duplicates?.map((g) => g.name)).toEqual(['pg', 'lake', 'pg-to-lake']);
    const text = renderText(plan, plain);
    expect(text).toContain('Duplicates: Airbyte holds these names more than once');
    expect(text).toContain('  remove  id src-2 (created 1970-01-01T00:01:41Z): an exact duplicate of the kept one (--dedupe removes it)');
    expect(renderMarkdown(plan, desired)).toContain('3 names held more than once in Airbyte');
  });

  it('--dedupe: the exact duplicates become deletes, connections before their source and destination', () => {
    const { desired, remote } = doubled();
    const plan = planFor(desired, remote, { dedupe: true });
    expect(plan.duplicates).toBeUndefined();
    const deletes = plan.changes.filter((c) => c.action === 'delete');
    expect(deletes.map((c) => [c.kind, c.id, c.warnings])).toEqual([
      ['connection', 'conn-2', ['an exact duplicate of id conn-1, which is kept (--dedupe)']],
      ['source', 'src-2', ['an exact duplicate of id src-1, which is kept (--dedupe)']],
      ['destination', 'dst-2', ['an exact duplicate of id dst-1, which is kept (--dedupe)']],
    ]);
    expect(plan.order.map((s) => s.key)).toEqual(['delete:connection:conn-2', 'delete:source:src-2', 'delete:destination:dst-2']);
    expect(plan.order.find((s) => s.key === 'delete:source:src-2')?.dependsOn).toEqual(['delete:connection:conn-2']);
  });

  it('a name held by copies that differ is refused, explained copy by copy, with or without --dedupe', () => {
    const { desired, remote } = inSync();
    const pg = remote.sources[0];
    if (!pg) throw new Error('fixture');
    const twice = {
      ...remote,
      sources: [
        { ...pg, ...at(1) },
        { ...pg, id: 'src-x', configuration: { ...maskedPg, port: 5433 }, ...at(2) },
      ],
    };
    for (const options of [{}, { dedupe: true }]) {
      let error: unknown;
      try {
        planFor(desired, twice, options);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GitopsError);
      const conflict = error as GitopsError;
      expect(conflict.code).toBe('CONFLICT');
      expect(conflict.message).toBe('1 name the pipeline uses is held by several remote resources that are not exact duplicates; names must be unique');
      expect(conflict.details).toEqual([
        "source 'pg' exists 2 times in Airbyte:",
        '  keep    id src-1 (created 1970-01-01T00:00:01Z): the oldest, kept',
        "  differs id src-x (created 1970-01-01T00:00:02Z): its configuration differs from the kept one's (port); rename or delete it in Airbyte",
      ]);
    }
  });

  it('names the pipeline does not use are none of its business', () => {
    const { desired, remote } = inSync();
    const others = [remoteActor('source', 'u-1', 'someone-else', maskedPg), remoteActor('source', 'u-2', 'someone-else', { host: 'x' })];
    const plan = planFor(desired, { ...remote, sources: [...remote.sources, ...others] });
    expect(plan.duplicates).toBeUndefined();
    expect(plan.unmanaged.map((u) => u.id)).toEqual(['u-1', 'u-2']);
  });
});
