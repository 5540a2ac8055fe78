/** The `jobInfo` (SynchronousJobRead) the server attaches to spec, check and discover answers. */
import { randomUUID } from 'node:crypto';
import type { JobConfigType, SynchronousJobRead } from '../../api/types.js';

export function synchronousJob(configType: JobConfigType, configId: string | undefined, logLines: string[]): SynchronousJobRead {
  const now = Math.floor(Date.now() / 1000);
  return {
    id: randomUUID(),
    configType,
    ...(configId !== undefined ? { configId } : {}),
    createdAt: now,
    endedAt: now,
    succeeded: true,
    logs: { logLines },
  };
}
