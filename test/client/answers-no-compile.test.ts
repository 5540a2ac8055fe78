import { describe, expect, it, vi } from 'vitest';
import { api, sourceRead, useNock } from './helpers.js';

useNock();

describe('answer checks', () => {
  it('compile nothing with Ajv (the small shape checker needs no compiler), and still catch a wrong shape', async () => {
    vi.resetModules();
    const { Ajv } = await import('ajv');
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const { testClient } = await import('./helpers.js');
    const { client } = testClient();
    api().post('/api/v1/sources/get').reply(200, sourceRead('s1'));
    api().post('/api/v1/sources/get').reply(200, { name: 'no id' });
    await client.getSource('s1');
    await expect(client.getSource('s1')).rejects.toThrow(/sourceId is missing/);
    expect(compile).not.toHaveBeenCalled();
  });
});
