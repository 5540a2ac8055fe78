import { describe, expect, it } from 'vitest';
import { MIN_REDACTED_LENGTH, redact } from '../../src/secrets/redact.js';
import { api, failure, testClient, useNock } from '../client/helpers.js';

useNock();

describe('redact: the one rule for text', () => {
  it('replaces every occurrence, not only the first', () => {
    expect(redact('pw hunter22, again hunter22 and hunter22.', ['hunter22'])).toBe('pw (sensitive), again (sensitive) and (sensitive).');
  });

  it('never redacts values shorter than MIN_REDACTED_LENGTH, in any form', () => {
    expect(MIN_REDACTED_LENGTH).toBe(4);
    expect(redact('no abc, YWJj, port 1', ['abc', '1'])).toBe('no abc, YWJj, port 1');
    expect(redact('abcd', ['abcd'])).toBe('(sensitive)');
  });

  it('replaces the longest secret first, and never redacts its own replacement text', () => {
    expect(redact('key abcdef here, abcd there', ['abcd', 'key abcdef'])).toBe('(sensitive) here, (sensitive) there');
    expect(redact('password hunter22-long refused', ['hunter22-long', 'sensitive'])).toBe('password (sensitive) refused');
  });

  const secret = 'p@ss "quoted" \\ back/slash+plus=';
  it.each([
    ['as is', secret],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['URL-encoded', encodeURIComponent(secret)],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
  ])('catches the secret written %s', (_, form) => {
    const text = `server said: ${form} (twice: ${form})`;
    expect(redact(text, [secret])).toBe('server said: (sensitive) (twice: (sensitive))');
  });
});

describe('the client redacts an error body before it shortens it', () => {
  it('a long body echoing a password across the cut shows no part of it', async () => {
    const password = 'Tr0ub4dor-and-3-more-words';
    // The message is cut to 300 characters: the password spans 285-311, its replacement fits before the cut.
    const message = `${'x'.repeat(284)} ${password} ${'y'.repeat(50)} ${password}`;
    api().post('/api/v1/sources/create').reply(422, { message });
    const { client } = testClient();
    client.addSecrets([password]);
    const error = await failure(client.createSource({ sourceDefinitionId: 'd', workspaceId: 'w', name: 'pg', connectionConfiguration: {} }));
    const shown = [error.message, JSON.stringify(error.meta)].join('\n');
    expect(shown).toContain('(sensitive)');
    expect(shown).not.toContain(password.slice(0, 8));
  });

  it('a plain-text body with the JSON-escaped form of a secret is redacted too', async () => {
    const password = 'say "hello" \\ bye';
    api()
      .post('/api/v1/sources/create')
      .reply(500, `java.lang.IllegalStateException: bad config {"password":${JSON.stringify(password)}}`);
    const { client } = testClient();
    client.addSecrets([password]);
    const error = await failure(client.createSource({ sourceDefinitionId: 'd', workspaceId: 'w', name: 'pg', connectionConfiguration: {} }));
    expect(error.message).toContain('{"password":"(sensitive)"}');
  });
});
