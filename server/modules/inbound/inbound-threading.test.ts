// E-mail in, end to end: real mail sent with nodemailer to the built-in receiver, the
// acknowledgement caught by a second real SMTP server, a real worker, both dialects.
// This file: the organisation's address, and mail turned into feedback and threaded onto cases.
import { describe, expect, it } from 'vitest';
import { call, createTestOrg } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { recipientsOf } from '../../../tests/support/smtp.ts';
import { inboundKit, type Mail } from './inbound.fixtures.ts';

describe.each(testDialects())('e-mail in on %s', (dialect) => {
  const kit = inboundKit(dialect);
  const { setup, addContact, feedbackOf } = kit;

  it("gives each organisation one stable address on its PUBLIC_URL's host", async () => {
    const { org, address } = await setup();
    expect(address).toMatch(/^feedback\+[a-z2-9]{14}@cx\.example\.ru$/);
    const again = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    expect(again.address).toBe(address);
    expect(address).toBe(`feedback+${again.token}@cx.example.ru`);
    const other = await createTestOrg(kit.t.deps, 'Бета');
    expect(
      (
        await call(kit.t.app, other.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
      ).json().address,
    ).not.toBe(address);
  });

  it("turns a known contact's mail into feedback once, acknowledges it in their language, and threads the reply onto the case", async () => {
    const { org, send, worker } = await setup();
    const contact = await addContact(org, 'ivan@example.ru', 'ru');
    const mail: Mail = {
      from: 'Иван <Ivan@Example.ru>',
      subject: 'Заказ 123',
      text: 'Курьер опоздал на два дня, это безобразие.\n\n-- \nИван',
      messageId: '<first@example.ru>',
    };
    const info = await send(mail);
    expect(info.response).toMatch(/^250/);
    await send(mail); // the sending server delivered it twice

    const [record, ...rest] = await feedbackOf(org);
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      channel: 'email',
      text: 'Курьер опоздал на два дня, это безобразие.',
      contactId: contact.id,
      sourceId: 'mail:<first@example.ru>',
    });
    expect(record.caseId).toBeTruthy();

    await worker.drain();
    // With the acknowledgement, the case owner's assignment mail (issue 15).
    const ack = (await kit.smtp.waitFor(2)).find((m) => m.subject?.includes('Мы получили'));
    expect(ack!.to).toMatchObject({ text: 'ivan@example.ru' });
    expect(ack!.subject).toContain('Мы получили ваш отзыв');
    expect(ack!.messageId).toMatch(/@clientloop>$/);

    const waiting = await call(kit.t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${record.caseId}`,
      payload: { status: 'waiting_client' },
    });
    expect(waiting.json().status).toBe('waiting_client');
    // No reference in the subject: only In-Reply-To ties this reply to the case.
    const reply: Mail = {
      from: 'ivan@example.ru',
      subject: 'Re: ответ',
      text: 'Курьера всё ещё нет.\n\nпн, 23 нояб. 2026 г. в 10:00, Ромашка <noreply@localhost>:\n> Мы получили ваш отзыв',
      inReplyTo: ack!.messageId,
      references: [ack!.messageId!],
      messageId: '<reply-1@example.ru>',
    };
    await send(reply);
    await send(reply);

    expect(await feedbackOf(org)).toHaveLength(1);
    const kase = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}` })
    ).json();
    expect(kase.status).toBe('in_progress');
    const events = (
      await call(kit.t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/cases/${record.caseId}/events`,
      })
    ).json().items;
    const replies = events.filter((e: { kind: string }) => e.kind === 'client_reply');
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toBe('ivan@example.ru:\nКурьера всё ещё нет.');
    expect(
      events.map((e: { kind: string; toStatus: string | null }) => `${e.kind}:${e.toStatus ?? ''}`),
    ).toEqual([
      'opened:new',
      'assigned:',
      'status:acknowledged',
      'status:waiting_client',
      'client_reply:',
      'status:in_progress',
    ]);
    await worker.drain();
    // A reply is not acknowledged again; the only other mail to the client is the status message
    // of waiting_client (issue 15). Back to in progress within 4 hours of it: nothing yet. (The
    // case owner's assignment mail goes to the owner.)
    const toClient = kit.smtp.messages.filter((m) => recipientsOf(m).includes('ivan@example.ru'));
    expect(toClient.map((m) => m.subject)).toEqual([
      ack!.subject,
      `Обращение ${record.publicRef}: Ждём вашего ответа`,
    ]);
  });

  it('acknowledges in English, and quarantines a reply that names the case only in its subject or comes from another sender', async () => {
    const { org, send, worker } = await setup();
    await addContact(org, 'jane@example.com', 'en', 'Jane');
    await send({
      from: 'jane@example.com',
      subject: 'Order',
      html: '<p>The parcel arrived <b>damaged</b>.</p>',
      messageId: '<jane-1@example.com>',
    });
    const [record] = await feedbackOf(org);
    expect(record.text).toBe('The parcel arrived damaged.');
    await worker.drain();
    const ack = (await kit.smtp.waitFor(2)).find((m) => m.subject?.startsWith('We received'));
    expect(ack!.subject).toBe(`We received your feedback — ${record.publicRef}`);

    // Issue 19: a reference in the subject is not proof of who writes; nor is our Message-ID
    // in the headers of a mail from someone we did not write to.
    await send({
      from: 'jane@example.com',
      subject: `Re: We received your feedback — ${record.publicRef}`,
      text: 'Photos attached.',
    });
    await send({
      from: 'mallory@example.net',
      subject: 'Re: ответ',
      text: 'Please close this case.',
      inReplyTo: ack!.messageId,
      references: [ack!.messageId!],
    });
    expect(await feedbackOf(org)).toHaveLength(1);
    const events = (
      await call(kit.t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/cases/${record.caseId}/events`,
      })
    ).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).not.toContain('client_reply');
    const held = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
    ).json().items;
    expect(held.map((m: { text: string }) => m.text).sort()).toEqual([
      'Photos attached.',
      'Please close this case.',
    ]);
  });

  it("never threads onto another organisation's case, nor files mail under another organisation", async () => {
    const { org, send } = await setup();
    const other = await createTestOrg(kit.t.deps, 'Чужая');
    await addContact(org, 'ivan@example.ru', 'ru');
    await addContact(other, 'ivan@example.ru', 'ru');
    const foreign = (
      await call(kit.t.app, other.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { text: 'Ужасно, жалоба' },
      })
    ).json();
    await send({
      from: 'ivan@example.ru',
      subject: `Re: ${foreign.publicRef}`,
      text: 'Новое сообщение',
    });
    const mine = await feedbackOf(org);
    expect(mine.map((f: { text: string }) => f.text)).toEqual(['Новое сообщение']);
    expect(await feedbackOf(other)).toHaveLength(1);
    const events = (
      await call(kit.t.app, other.apiKey, {
        method: 'GET',
        url: `/api/v1/cases/${foreign.caseId}/events`,
      })
    ).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).not.toContain('client_reply');
  });
});
