import { describe, expect, it, vi } from 'vitest';
import { api, sourceRead, useNock } from './helpers.js';

useNock();

describe('answer schemas', () => {
  it('are compiled on the first answer of their call, once, and never for calls not made', async () => {
    // A fresh copy of the client modules: another test file in the same worker may have compiled the schema already.
    vi.resetModules();
    const { Ajv } = await import('ajv');
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const { testClient } = await import('./helpers.js');
    const { client } = testClient();
    api().post('/api/v1/sources/get').twice().reply(200, sourceRead('s1'));
    expect(compile).not.toHaveBeenCalled();
    await client.getSource('s1');
    await client.getSource('s1');
    expect(compile).toHaveBeenCalledTimes(1);
    expect(compile.mock.calls[0]?.[0]).toMatchObject({ required: expect.arrayContaining(['sourceId']) });
  });
});
