// E-mail in, end to end: real mail sent with nodemailer to the built-in receiver, the
// acknowledgement caught by a second real SMTP server, a real worker, both dialects.
// This file: mail from unknown senders and unreadable mail kept in quarantine.
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { inboundKit } from './inbound.fixtures.ts';
import { quarantineUnreadable } from './mail-intake.ts';

describe.each(testDialects())('e-mail in on %s', (dialect) => {
  const kit = inboundKit(dialect);
  const { setup, feedbackOf } = kit;

  it('quarantines mail from an unknown sender without an acknowledgement, then accepts it as feedback from a new contact', async () => {
    const { org, send, worker } = await setup();
    await send({
      from: 'Пётр Сидоров <petr@example.org>',
      subject: 'Вопрос',
      text: 'Когда будет доставка?',
      messageId: '<q1@example.org>',
    });
    await send({
      from: 'Пётр Сидоров <petr@example.org>',
      subject: 'Вопрос',
      text: 'Когда будет доставка?',
      messageId: '<q1@example.org>',
    });
    await send({
      from: 'spam@example.org',
      subject: 'Реклама',
      text: 'Купите слона',
      messageId: '<q2@example.org>',
    });
    expect(await feedbackOf(org)).toHaveLength(0);
    await worker.drain();
    expect(kit.smtp.messages).toHaveLength(0);

    const list = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
    ).json();
    expect(list.items.map((m: { fromAddress: string }) => m.fromAddress)).toEqual([
      'spam@example.org',
      'petr@example.org',
    ]);
    const [spam, petr] = list.items;
    expect(petr).toMatchObject({
      fromName: 'Пётр Сидоров',
      subject: 'Вопрос',
      text: 'Когда будет доставка?',
      status: 'quarantined',
    });

    const accepted = await call(kit.t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/inbound/quarantine/${petr.id}/accept`,
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const [record] = await feedbackOf(org);
    expect(record).toMatchObject({
      id: accepted.json().feedbackId,
      channel: 'email',
      text: 'Когда будет доставка?',
    });
    const contact = (
      await call(kit.t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/clients/${record.clientId}/contacts`,
      })
    ).json().items[0];
    expect(contact).toMatchObject({ name: 'Пётр Сидоров', email: 'petr@example.org' });

    const again = await call(kit.t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/inbound/quarantine/${petr.id}/accept`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect(
      (
        await call(kit.t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/inbound/quarantine/${spam.id}/discard`,
          payload: {},
        })
      ).json().status,
    ).toBe('discarded');
    expect(
      (
        await call(kit.t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/inbound/quarantine/${spam.id}/accept`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
      ).json().items,
    ).toEqual([]);

    // Now a known contact: the next mail is feedback straight away, acknowledged.
    await send({ from: 'petr@example.org', subject: 'Ещё', text: 'Спасибо, получил.' });
    expect(await feedbackOf(org)).toHaveLength(2);
    await worker.drain();
    expect(kit.smtp.messages.length).toBeGreaterThanOrEqual(1);
    expect(await feedbackOf(org)).toHaveLength(2);
  });

  it('keeps mail the parser cannot read in quarantine, once, without NUL characters', async () => {
    const { org } = await setup();
    const raw = Buffer.from(
      'Message-ID: <broken-1@example.org>\r\nContent-Type: multipart/mixed\r\n\r\n\u0000Текст\u0000',
      'utf8',
    );
    await quarantineUnreadable(kit.t.deps, org.orgId, 'Sender@Example.org', raw);
    await quarantineUnreadable(kit.t.deps, org.orgId, 'Sender@Example.org', raw);
    const items = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
    ).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].fromAddress).toBe('sender@example.org');
    expect(items[0].text).toContain('Текст');
    expect(items[0].text).not.toContain('\u0000');
  });
});
