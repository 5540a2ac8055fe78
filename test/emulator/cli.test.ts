/** The `emulator` command as users run it: the built program serves until a signal (flag checks: startup.test.ts). */
import { describe, expect, it } from 'vitest';
import { spawnCli, waitFor } from '../cli.js';
import { request } from './helpers.js';

describe('airbyte-gitops emulator (built CLI)', () => {
  it('prints the URL it listens on, serves the API and stops on SIGTERM', async () => {
    const run = spawnCli(['emulator', '--port', '0', '--flavor', '1.6']);
    const listening = /^Airbyte emulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m;
    await waitFor(() => listening.test(run.stdout()) || run.child.exitCode !== null, 'the emulator to listen');
    const url = listening.exec(run.stdout())?.[1];
    expect(url, run.stderr()).toBeDefined();
    const answer = await request(`${url}/workspaces/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.body.workspaces[0].slug).toBe('default');
    run.child.kill('SIGTERM');
    expect((await run.done).code).toBe(0);
  });
});
