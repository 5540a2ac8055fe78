/** The emulator refuses the cron expressions the real server's Quartz parser refuses, with the same problem body. */
import { describe, expect, it } from 'vitest';
import { createActors, startTestEmulator } from './helpers.js';

const VALID = ['0 0 12 * * ?', '0 15 10 ? * MON-FRI', '0 0/5 14 * * ?', '0 15 10 L * ?', '0 15 10 ? * 6#3', '0 0 2 ? * 6L 2030'];
const INVALID = ['0 30 2 * * *', '0 30 2 ? * ?', '0 30 25 * * ?', '0 61 2 * * ?', '0 0 2 32 * ?', '0 0 2 * 13 ?', '0 0 2 ? * 8', '0 12 * * *'];

/** An emulator (stopped after the test) and a create body for a connection with the given cron. */
async function setup() {
  const t = await startTestEmulator();
  const actors = await createActors(t);
  const withCron = (cronExpression: string) => ({
    ...actors,
    status: 'active',
    scheduleType: 'cron',
    scheduleData: { cron: { cronExpression, cronTimeZone: 'UTC' } },
  });
  return { t, withCron };
}

describe('emulator: cron schedules', () => {
  it.each(VALID)('accepts %s', async (expression) => {
    const { t, withCron } = await setup();
    const answer = await t.call('connections/create', withCron(expression));
    expect(answer.status).toBe(200);
    expect(answer.body.scheduleData).toEqual({ cron: { cronExpression: expression, cronTimeZone: 'UTC' } });
  });

  it.each(INVALID)('refuses %s on create and on update with a 400 cron-validation problem', async (expression) => {
    const { t, withCron } = await setup();
    const created = await t.call('connections/create', withCron(expression));
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ status: 400, type: 'error:cron-validation/invalid-expression', title: 'Invalid cron expression' });
    const existing = await t.call('connections/create', withCron('0 0 12 * * ?'));
    const updated = await t.call('connections/update', {
      connectionId: existing.body.connectionId,
      scheduleType: 'cron',
      scheduleData: { cron: { cronExpression: expression, cronTimeZone: 'UTC' } },
    });
    expect(updated.status).toBe(400);
    expect(updated.body).toMatchObject({ type: 'error:cron-validation/invalid-expression' });
  });
});
