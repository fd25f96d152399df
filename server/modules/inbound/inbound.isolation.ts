import { newId } from '../../lib/ids.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';
import type { TestApp, TestOrg } from '../../../tests/support/app.ts';

/** A quarantined message of organisation A, written directly: mail arrives by SMTP, not by the API. */
async function quarantinedOf(t: TestApp, a: TestOrg): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await t.deps.db
    .insertInto('inbound_messages')
    .values({
      id,
      org_id: a.orgId,
      from_address: 'stranger@example.net',
      from_name: 'Незнакомец',
      subject: 'Вопрос',
      text: 'Здравствуйте, вопрос по заказу',
      message_id: `<${id}@example.net>`,
      status: 'quarantined',
      feedback_id: null,
      case_id: null,
      received_at: now,
      created_at: now,
      decided_at: null,
      decided_by: null,
    })
    .execute();
  return id;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/inbound/quarantine/:id/accept': async (t, a) => ({
    params: { id: await quarantinedOf(t, a) },
  }),
  '/api/v1/inbound/quarantine/:id/discard': async (t, a) => ({
    params: { id: await quarantinedOf(t, a) },
  }),
};
