// Issue 21: a reply to the client from the case page reaches the contact (a real SMTP server),
// in their language, and the client's e-mail answer to it comes back onto the same case through
// the built-in receiver. Both dialects.
import { describe, expect, it } from 'vitest';
import { call, createTestOrg } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ctxFor } from '../../context.ts';
import { unsubscribeContact } from '../clients/index.ts';
import { inboundKit } from './inbound.fixtures.ts';

describe.each(testDialects())('reply from the case on %s', (dialect) => {
  const kit = inboundKit(dialect);
  const { setup, addContact, feedbackOf } = kit;

  it("sends the reply to the case's contact and threads the client's answer onto the case", async () => {
    const { org, send, worker } = await setup();
    const contact = await addContact(org, 'ivan@example.ru', 'ru');
    await send({
      from: 'ivan@example.ru',
      subject: 'Заказ 123',
      text: 'Курьер опоздал на два дня, это безобразие.',
      messageId: '<first@example.ru>',
    });
    const [record] = await feedbackOf(org);
    expect(record.caseId).toBeTruthy();
    await worker.drain();
    const ack = (await kit.smtp.waitFor(2)).find((m) => m.subject?.includes('Мы получили'));
    const before = kit.smtp.messages.length;
    // The client unsubscribed from notifications: a reply they asked for is still sent
    // (transactional, see CHANGELOG).
    const system = {
      type: 'system' as const,
      id: null,
      orgId: org.orgId,
      role: 'manager' as const,
    };
    expect(await unsubscribeContact(ctxFor(kit.t.deps, system), contact.id, 'link')).toBe(true);

    const api = (payload: object, id = record.caseId as string, key = org.apiKey) =>
      call(kit.t.app, key, { method: 'POST', url: `/api/v1/cases/${id}/replies`, payload });
    const res = await api({ text: '  Курьер привезёт заказ завтра до 12:00.  ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ to: 'ivan@example.ru', language: 'ru' });
    await worker.drain();
    const [out] = (await kit.smtp.waitFor(before + 1)).slice(before);
    expect(out!.to).toMatchObject({ text: 'ivan@example.ru' });
    expect(out!.subject).toBe(`Обращение ${record.publicRef}`);
    expect(out!.text).toContain('Здравствуйте, Иван!');
    expect(out!.text).toContain('Курьер привезёт заказ завтра до 12:00.');
    // A transactional reply: no unsubscribe link; it answers the acknowledgement.
    expect(out!.text).not.toContain('Отписаться');
    expect(out!.messageId).toBe(`<${res.json().messageId}@clientloop>`);
    expect(out!.inReplyTo).toBe(ack!.messageId);

    // The client answers the reply by e-mail: it lands on the same case.
    await send({
      from: 'ivan@example.ru',
      subject: `Re: ${out!.subject}`,
      text: 'Спасибо, жду.\n\n> Курьер привезёт заказ завтра до 12:00.',
      inReplyTo: out!.messageId,
      references: [out!.messageId!],
      messageId: '<answer-1@example.ru>',
    });
    expect(await feedbackOf(org)).toHaveLength(1);
    const events = (
      await call(kit.t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/cases/${record.caseId}/events`,
      })
    ).json().items as { kind: string; body: string | null }[];
    expect(events.filter((e) => e.kind === 'reply_sent').map((e) => e.body)).toEqual([
      'Курьер привезёт заказ завтра до 12:00.',
    ]);
    expect(events.filter((e) => e.kind === 'client_reply').map((e) => e.body)).toEqual([
      'ivan@example.ru:\nСпасибо, жду.',
    ]);
    // The case's owner (routed: the first admin) finds the answer in the bell (issue 21).
    const login = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.adminEmail, password: org.adminPassword },
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const bell = (
      await kit.t.app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications',
        headers: { cookie },
      })
    ).json();
    expect(bell.items.map((i: { kind: string; caseId: string }) => [i.kind, i.caseId])).toEqual([
      ['client_reply', record.caseId],
      ['case_assigned', record.caseId],
    ]);
    const audit = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit' })
    ).json().items as { action: string; targetId: string }[];
    expect(audit.find((a) => a.action === 'case.reply_sent')).toMatchObject({
      targetId: record.caseId,
    });
  });

  it("refuses empty or too long text (422), a case without a contact e-mail (409) and another organisation's case (404)", async () => {
    const { org, worker } = await setup();
    const kase = (
      await call(kit.t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { title: 'Без контакта' },
      })
    ).json();
    const api = (payload: object, id = kase.id as string, key = org.apiKey) =>
      call(kit.t.app, key, { method: 'POST', url: `/api/v1/cases/${id}/replies`, payload });
    for (const text of ['', '   ', 'я'.repeat(5001)]) {
      const res = await api({ text });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unprocessable');
    }
    const none = await api({ text: 'Здравствуйте' });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('cannot_notify');
    const other = await createTestOrg(kit.t.deps, 'Чужая');
    const foreign = await api({ text: 'Здравствуйте' }, kase.id, other.apiKey);
    expect(foreign.statusCode).toBe(404);
    const events = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${kase.id}/events` })
    ).json().items as { kind: string }[];
    expect(events.map((e) => e.kind)).not.toContain('reply_sent');
    await worker.drain();
    expect(kit.smtp.messages).toHaveLength(0);
  });
});
