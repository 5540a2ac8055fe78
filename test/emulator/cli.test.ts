import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { request } from './helpers.js';

const MAIN = new URL('../../dist/cli/main.js', import.meta.url).pathname;

describe('airbyte-gitops emulator (built CLI)', () => {
  it('has a build to run (npm run build)', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('prints the URL it listens on, serves the API and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN, 'emulator', '--port', '0', '--flavor', '1.6'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /^Airbyte emulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}: ${output}`)));
    });
    const answer = await request(`${url}/workspaces/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.body.workspaces[0].slug).toBe('default');
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('rejects a fault rate outside 0..1 without a stack trace', async () => {
    const child = spawn(process.execPath, [MAIN, 'emulator', '--port', '0', '--fault-rate', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain('--fault-rate');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
