import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE } from '../../src/client/index.js';
import { api, connectionRead, failure, testClient, useNock } from './helpers.js';

useNock();

const WORKSPACE = '11111111-1111-1111-1111-111111111111';

function sources(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    sourceId: `src-${from + i}`,
    name: `source ${from + i}`,
    sourceDefinitionId: 'def',
    workspaceId: WORKSPACE,
    connectionConfiguration: {},
    sourceName: 'Postgres',
    createdAt: 0,
  }));
}

describe('sources/list and destinations/list pagination', () => {
  it('asks for the largest page from the first call on, and follows the cursor (the last id) to the end', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 100), page_size: 100, num_connections: 225 });
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE, cursor: 'src-99' })
      .reply(200, { sources: sources(100, 100), page_size: 100, num_connections: 225 });
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE, cursor: 'src-199' })
      .reply(200, { sources: sources(200, 25), page_size: 100, num_connections: 225 });
    const { client } = testClient();
    const listed = await client.listSources(WORKSPACE);
    expect(LIST_PAGE_SIZE).toBe(100);
    expect(listed.map((s) => s.sourceId)).toEqual(sources(0, 225).map((s) => s.sourceId));
    expect(client.stats()).toEqual({ calls: 3, byCall: { 'sources/list': 3 } });
  });

  it('lists a workspace of up to a page of sources in one call', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 99), page_size: 100, num_connections: 99 });
    const { client } = testClient();
    expect(await client.listSources(WORKSPACE)).toHaveLength(99);
    expect(client.stats().calls).toBe(1);
  });

  it('keeps paging when the server answers with smaller pages than asked for (the page_size it reports)', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 20), page_size: 20 });
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE, cursor: 'src-19' })
      .reply(200, { sources: sources(20, 5), page_size: 20 });
    const { client } = testClient();
    expect(await client.listSources(WORKSPACE)).toHaveLength(25);
    expect(client.stats().calls).toBe(2);
  });

  it('takes an unpaginated (v1.6) answer without page_size as the whole list', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 30) });
    const { client } = testClient();
    expect(await client.listSources(WORKSPACE)).toHaveLength(30);
    expect(client.stats().calls).toBe(1);
  });

  it('stops at an empty page after a full one', async () => {
    const destinations = (from: number, count: number) =>
      sources(from, count).map(({ sourceId, sourceDefinitionId, ...rest }) => ({
        ...rest,
        destinationId: sourceId.replace('src', 'dst'),
        destinationDefinitionId: sourceDefinitionId,
      }));
    api()
      .post('/api/v1/destinations/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { destinations: destinations(0, 20), page_size: 20 });
    api()
      .post('/api/v1/destinations/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE, cursor: 'dst-19' })
      .reply(200, { destinations: [], page_size: 100 });
    const { client } = testClient();
    const listed = await client.listDestinations(WORKSPACE);
    expect(listed.map((d) => d.destinationId)).toEqual(destinations(0, 20).map((d) => d.destinationId));
  });

  it('fails instead of looping when the server ignores the cursor', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 20), page_size: 20 });
    api()
      .post('/api/v1/sources/list')
      .reply(200, { sources: sources(0, 20), page_size: 20 });
    const { client } = testClient();
    const error = await failure(client.listSources(WORKSPACE));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toMatch(/sources\/list returned the same page twice/);
  });

  it('stops at the page limit when the server always returns a full page of fresh ids', async () => {
    let next = 0;
    api()
      .post('/api/v1/sources/list')
      .times(5)
      .reply(200, () => {
        next += 100;
        return { sources: sources(next, 100), page_size: 100 };
      });
    const { client } = testClient({ maxPages: 5 });
    const error = await failure(client.listSources(WORKSPACE));
    expect(error.code).toBe('API_ERROR');
    expect(error.message).toBe('sources/list was still returning full pages after 5 pages (500 items); stopped there');
    expect(error.hint).toContain('AIRBYTE_MAX_PAGES');
    expect(client.stats().calls).toBe(5);
  });

  it('stops at once when a page repeats an earlier one, not just the previous one', async () => {
    api()
      .post('/api/v1/sources/list', { workspaceId: WORKSPACE, pageSize: LIST_PAGE_SIZE })
      .reply(200, { sources: sources(0, 20), page_size: 20 });
    api()
      .post('/api/v1/sources/list')
      .reply(200, { sources: sources(20, 100), page_size: 100 });
    // Ids from both earlier pages, in another order.
    api()
      .post('/api/v1/sources/list')
      .reply(200, { sources: [...sources(100, 20), ...sources(0, 80)].reverse(), page_size: 100 });
    const { client } = testClient();
    const error = await failure(client.listSources(WORKSPACE));
    expect(error.message).toBe('sources/list returned the same page twice; the server ignored the pagination cursor');
    expect(client.stats().calls).toBe(3);
  });

  it('lists connections in one call (never paginated)', async () => {
    api()
      .post('/api/v1/connections/list', { workspaceId: WORKSPACE })
      .reply(200, { connections: [connectionRead('c1', 'a')] });
    const { client } = testClient();
    expect((await client.listConnections(WORKSPACE)).map((c) => c.connectionId)).toEqual(['c1']);
  });
});
