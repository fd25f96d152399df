// The early-tenure pulse with a fake clock, real SMTP and the real worker: an employee between
// day 14 and day 44 after the hire date gets one invitation, once; earlier hires, people without
// an e-mail and people who left get none.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { EARLY_TENURE_JOB } from './early-tenure.ts';
import { pulseKit } from './pulse.fixtures.ts';

describe.each(testDialects())('the early-tenure pulse on %s', (dialect) => {
  const { kit, setup, post, employee, mailedLinks, api } = pulseKit(dialect);

  it('invites each new hire once, from day 14 to day 44', async () => {
    await setup('2026-03-20T09:00:00Z');
    const fresh = await employee('Fresh', 'delivery', { hireDate: '2026-03-10' }); // day 10
    const due = await employee('Due', 'delivery', { hireDate: '2026-03-01' }); // day 19
    await employee('Old', 'delivery', { hireDate: '2026-02-01' }); // day 47
    await employee('Gone', 'delivery', { hireDate: '2026-03-01', status: 'left' });
    await api('POST', '/api/v1/employees', {
      name: 'Без почты',
      stageKey: 'delivery',
      hireDate: '2026-03-01',
    });
    const run = async () => {
      await kit.t.deps.jobs.enqueue(kit.t.deps.db, {
        name: EARLY_TENURE_JOB,
        orgId: null,
        payload: {},
      });
      await testWorker(kit.t.deps).drain();
      return kit.t.deps.db
        .selectFrom('messages')
        .select('to_address')
        .where('kind', '=', 'pulse_invite')
        .execute();
    };
    expect((await run()).map((m) => m.to_address)).toEqual([due.email]);
    const links = await mailedLinks(1);
    expect([...links.keys()]).toEqual([due.email]);
    expect(await run()).toHaveLength(1);

    kit.clock.set('2026-03-24T09:00:00Z'); // Fresh on day 14
    expect((await run()).map((m) => m.to_address).sort()).toEqual([due.email, fresh.email].sort());
    kit.clock.set('2026-04-10T09:00:00Z');
    expect(await run()).toHaveLength(2);
    const pulses = (await api('GET', '/api/v1/pulses')).json().items;
    expect(pulses).toHaveLength(1);
    expect(pulses[0]).toMatchObject({
      kind: 'early_tenure',
      teams: [{ stage: 'delivery', invited: 2, answered: 0 }],
    });

    expect((await post(links.get(due.email!)!, { score: '8' })).body).toContain('Спасибо');
    const [answer] = await kit.t.deps.db.selectFrom('pulse_answers').selectAll().execute();
    expect(answer).toMatchObject({
      stage_key: 'delivery',
      score: 8,
      day: '2026-04-10',
      pulse_id: pulses[0].id,
    });
  });
});
