import { describe, expect, it } from 'vitest';
import { api, failure, jobInfoRead, sourceRead, testClient, useNock } from './helpers.js';

useNock();

const WORKSPACE = '11111111-1111-1111-1111-111111111111';
const CREATE = { sourceDefinitionId: 'def', workspaceId: WORKSPACE, name: 'pg', connectionConfiguration: { host: 'db' } };
const URL_QUESTION = ' — is --url pointing at the Airbyte Config API?';

describe('a 200 of the wrong shape is one clear error naming the call and the first wrong field', () => {
  it.each([
    {
      shape: '{} for a list',
      call: 'sources/list',
      answer: {},
      run: (client: ReturnType<typeof testClient>['client']) => client.listSources(WORKSPACE),
      expected: 'sources/list answered 200 with an unexpected shape: sources is missing',
    },
    {
      shape: 'sources: null',
      call: 'sources/list',
      answer: { sources: null },
      run: (client: ReturnType<typeof testClient>['client']) => client.listSources(WORKSPACE),
      expected: 'sources/list answered 200 with an unexpected shape: sources is null, expected an array',
    },
    {
      shape: 'an item without its id',
      call: 'sources/list',
      answer: { sources: [sourceRead('s0'), sourceRead('s1'), sourceRead('s2'), { ...sourceRead('s3'), sourceId: undefined }] },
      run: (client: ReturnType<typeof testClient>['client']) => client.listSources(WORKSPACE),
      expected: 'sources/list answered 200 with an unexpected shape: sources[3].sourceId is missing',
    },
    {
      shape: 'a string instead of an object',
      call: 'sources/get',
      answer: JSON.stringify('ok'),
      run: (client: ReturnType<typeof testClient>['client']) => client.getSource('s1'),
      expected: 'sources/get for source s1 answered 200 with an unexpected shape: the answer is a string, expected an object',
    },
    {
      shape: 'a job without a status',
      call: 'jobs/get',
      answer: { job: { ...jobInfoRead(7).job, status: undefined }, attempts: [] },
      run: (client: ReturnType<typeof testClient>['client']) => client.getJob(7),
      expected: 'jobs/get for job 7 answered 200 with an unexpected shape: job.status is missing',
    },
    {
      shape: 'a catalog stream without a name',
      call: 'sources/discover_schema',
      answer: { jobInfo: {}, catalog: { streams: [{ stream: { namespace: 'public' }, config: {} }] } },
      run: (client: ReturnType<typeof testClient>['client']) => client.discoverSourceSchema({ sourceId: 's1' }),
      expected: 'sources/discover_schema for source s1 answered 200 with an unexpected shape: catalog.streams[0].stream.name is missing',
    },
    {
      shape: 'a connection whose status is a number',
      call: 'connections/list',
      answer: { connections: [{ connectionId: 'c1', name: 'a', sourceId: 's1', destinationId: 'd1', status: 1, syncCatalog: { streams: [] } }] },
      run: (client: ReturnType<typeof testClient>['client']) => client.listConnections(WORKSPACE),
      expected: 'connections/list answered 200 with an unexpected shape: connections[0].status is a number, expected a string',
    },
    {
      shape: 'workspaces as an object',
      call: 'workspaces/list_by_organization_id',
      answer: { workspaces: { workspaceId: WORKSPACE } },
      run: (client: ReturnType<typeof testClient>['client']) => client.listWorkspaces(),
      expected: 'workspaces/list_by_organization_id answered 200 with an unexpected shape: workspaces is an object, expected an array',
    },
    {
      shape: 'a check status outside the enum',
      call: 'sources/check_connection',
      answer: { status: 'ok', jobInfo: {} },
      run: (client: ReturnType<typeof testClient>['client']) => client.checkSource('s1'),
      expected: 'sources/check_connection for source s1 answered 200 with an unexpected shape: status is "ok", expected one of succeeded, failed',
    },
    {
      shape: 'an empty body for a list',
      call: 'connections/list',
      answer: '',
      run: (client: ReturnType<typeof testClient>['client']) => client.listConnections(WORKSPACE),
      expected: 'connections/list answered 200 with an unexpected shape: the answer is empty, expected an object',
    },
  ])('$shape', async ({ call, answer, run, expected }) => {
    api()
      .post(`/api/v1/${call}`)
      .reply(200, answer as never);
    const error = await failure(run(testClient().client));
    expect(error.message).toBe(expected + URL_QUESTION);
    expect(error).toMatchObject({ code: 'API_ERROR', status: 200, ambiguous: false, meta: { call } });
    expect(error.hint).toContain('http://airbyte.test:8000/api/v1');
  });

  it('a create answered 200 {} is an error, not "created", and may have taken effect', async () => {
    api().post('/api/v1/sources/create', CREATE).reply(200, {});
    const { client } = testClient();
    const error = await failure(client.createSource(CREATE));
    expect(error.message).toBe(`sources/create for source 'pg' answered 200 with an unexpected shape: sourceId is missing${URL_QUESTION}`);
    // The server said it succeeded: apply must look by name before sending the create again.
    expect(error.ambiguous).toBe(true);
    expect(error.hint).toContain('may have taken effect');
    expect(client.stats().byCall['sources/create']).toBe(1);
  });

  it('an HTML page answered 200 names the call', async () => {
    api().post('/api/v1/sources/list').reply(200, '<!doctype html><html><title>Airbyte</title></html>');
    const error = await failure(testClient().client.listSources(WORKSPACE));
    expect(error.message).toBe('sources/list: the server at http://airbyte.test:8000/api/v1 answered HTTP 200 with an HTML page');
    expect(error.code).toBe('API_ERROR');
  });

  it('accepts what a newer server adds, and a 1.6 answer without page_size', async () => {
    api()
      .post('/api/v1/sources/list')
      .reply(200, { sources: [{ ...sourceRead('s1'), resourceAllocation: { default: {} }, status: 'active' }], newField: [1] });
    expect((await testClient().client.listSources(WORKSPACE)).map((source) => source.sourceId)).toEqual(['s1']);
  });
});
