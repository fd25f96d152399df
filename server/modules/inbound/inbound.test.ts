// E-mail in, end to end: real mail sent with nodemailer to the built-in receiver, the
// acknowledgement caught by a second real SMTP server, a real worker, both dialects.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { startReceiver } from './index.ts';
import { quarantineUnreadable } from './mail-intake.ts';

type Mail = SendMailOptions;

describe.each(testDialects())('e-mail in on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const stoppers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stoppers.splice(0)) await stop();
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    // Port 0: the system picks a free port while binding, so parallel runs never race for one.
    const receiver = await startReceiver(t.deps, { port: 0, host: '127.0.0.1' });
    stoppers.push(receiver.stop);
    const port = receiver.port;
    const org = await createTestOrg(t.deps, 'Ромашка');
    const { address } = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    return {
      org,
      address: address as string,
      port,
      worker: testWorker(t.deps),
      send: (mail: Mail, toPort = port) => sendTo(toPort, { to: address, ...mail }),
    };
  }

  function sendTo(port: number, mail: Mail) {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      tls: { rejectUnauthorized: false },
    });
    return transport.sendMail(mail).finally(() => transport.close());
  }

  async function addContact(org: TestOrg, email: string, language: 'ru' | 'en', name = 'Иван') {
    const client = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: `Клиент ${email}` },
      })
    ).json();
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${client.id}/contacts`,
      payload: { name, email, language },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const feedbackOf = async (org: TestOrg) =>
    (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback' })).json().items;
  const count = async (table: 'feedback' | 'inbound_messages') =>
    (await t.deps.db.selectFrom(table).select('id').execute()).length;

  it("gives each organisation one stable address on its PUBLIC_URL's host", async () => {
    const { org, address } = await setup();
    expect(address).toMatch(/^feedback\+[a-z2-9]{14}@cx\.example\.ru$/);
    const again = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    expect(again.address).toBe(address);
    expect(address).toBe(`feedback+${again.token}@cx.example.ru`);
    const other = await createTestOrg(t.deps, 'Бета');
    expect(
      (await call(t.app, other.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })).json()
        .address,
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
    const [ack] = await smtp.waitFor(1);
    expect(ack!.to).toMatchObject({ text: 'ivan@example.ru' });
    expect(ack!.subject).toContain('Мы получили ваш отзыв');
    expect(ack!.messageId).toMatch(/@clientloop>$/);

    const waiting = await call(t.app, org.apiKey, {
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
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}` })
    ).json();
    expect(kase.status).toBe('in_progress');
    const events = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}/events` })
    ).json().items;
    const replies = events.filter((e: { kind: string }) => e.kind === 'client_reply');
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toBe('ivan@example.ru:\nКурьера всё ещё нет.');
    expect(
      events.map((e: { kind: string; toStatus: string | null }) => `${e.kind}:${e.toStatus ?? ''}`),
    ).toEqual([
      'opened:new',
      'status:acknowledged',
      'status:waiting_client',
      'client_reply:',
      'status:in_progress',
    ]);
    await worker.drain();
    expect(smtp.messages).toHaveLength(1); // a reply is not acknowledged again
  });

  it('acknowledges an English contact in English and threads a reply naming the reference in its subject', async () => {
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
    const [ack] = await smtp.waitFor(1);
    expect(ack!.subject).toBe(`We received your feedback — ${record.publicRef}`);

    await send({
      from: 'jane@example.com',
      subject: `Re: We received your feedback — ${record.publicRef}`,
      text: 'Photos attached.\n\nOn Mon, 23 Nov 2026, ClientLoop wrote:\n> old',
    });
    expect(await feedbackOf(org)).toHaveLength(1);
    const events = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}/events` })
    ).json().items;
    expect(
      events
        .filter((e: { kind: string }) => e.kind === 'client_reply')
        .map((e: { body: string }) => e.body),
    ).toEqual(['jane@example.com:\nPhotos attached.']);
  });

  it("never threads onto another organisation's case, nor files mail under another organisation", async () => {
    const { org, send } = await setup();
    const other = await createTestOrg(t.deps, 'Чужая');
    await addContact(org, 'ivan@example.ru', 'ru');
    await addContact(other, 'ivan@example.ru', 'ru');
    const foreign = (
      await call(t.app, other.apiKey, {
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
      await call(t.app, other.apiKey, {
        method: 'GET',
        url: `/api/v1/cases/${foreign.caseId}/events`,
      })
    ).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).not.toContain('client_reply');
  });

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
    expect(smtp.messages).toHaveLength(0);

    const list = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
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

    const accepted = await call(t.app, org.apiKey, {
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
      await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/clients/${record.clientId}/contacts`,
      })
    ).json().items[0];
    expect(contact).toMatchObject({ name: 'Пётр Сидоров', email: 'petr@example.org' });

    const again = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/inbound/quarantine/${petr.id}/accept`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/inbound/quarantine/${spam.id}/discard`,
          payload: {},
        })
      ).json().status,
    ).toBe('discarded');
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/inbound/quarantine/${spam.id}/accept`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })).json()
        .items,
    ).toEqual([]);

    // Now a known contact: the next mail is feedback straight away, acknowledged.
    await send({ from: 'petr@example.org', subject: 'Ещё', text: 'Спасибо, получил.' });
    expect(await feedbackOf(org)).toHaveLength(2);
    await worker.drain();
    expect(smtp.messages.length).toBeGreaterThanOrEqual(1);
    expect(await feedbackOf(org)).toHaveLength(2);
  });

  it('keeps mail the parser cannot read in quarantine, once, without NUL characters', async () => {
    const { org } = await setup();
    const raw = Buffer.from(
      'Message-ID: <broken-1@example.org>\r\nContent-Type: multipart/mixed\r\n\r\n\u0000Текст\u0000',
      'utf8',
    );
    await quarantineUnreadable(t.deps, org.orgId, 'Sender@Example.org', raw);
    await quarantineUnreadable(t.deps, org.orgId, 'Sender@Example.org', raw);
    const items = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/quarantine' })
    ).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].fromAddress).toBe('sender@example.org');
    expect(items[0].text).toContain('Текст');
    expect(items[0].text).not.toContain('\u0000');
  });

  it('refuses an unknown recipient with 550 and stores nothing', async () => {
    const { org, port } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const err = await sendTo(port, {
      from: 'ivan@example.ru',
      to: 'feedback+zzzzzzzzzzzzzz@cx.example.ru',
      subject: 'x',
      text: 'Привет',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(await count('feedback')).toBe(0);
    expect(await count('inbound_messages')).toBe(0);
  });

  it('drops auto-replies and empty mail without storing or answering them', async () => {
    const { org, send, worker } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const out = await send({
      from: 'ivan@example.ru',
      subject: 'Автоответ: Заказ',
      text: 'Я в отпуске до понедельника',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(out.response).toMatch(/^250/);
    await send({
      from: 'ivan@example.ru',
      subject: 'Re',
      text: '> только цитата',
      headers: { Precedence: 'normal' },
    });
    await send({
      from: 'stranger@example.org',
      subject: 'Out of office',
      text: 'Away',
      headers: { 'X-Autoreply': 'yes' },
    });
    await worker.drain();
    expect(await count('feedback')).toBe(0);
    expect(await count('inbound_messages')).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('refuses an oversized message with 552 and rate-limits a flooding sender with 451', async () => {
    const { org } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const { address } = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    const small = await startReceiver(t.deps, { port: 0, host: '127.0.0.1', maxBytes: 4_000 });
    const strict = await startReceiver(t.deps, { port: 0, host: '127.0.0.1', perMinute: 2 });
    stoppers.push(small.stop, strict.stop);
    const big = await sendTo(small.port, {
      from: 'ivan@example.ru',
      to: address,
      subject: 'x',
      text: 'я'.repeat(5_000),
    }).catch((e: unknown) => e);
    expect(big).toMatchObject({ responseCode: 552 });
    await sendTo(strict.port, { from: 'ivan@example.ru', to: address, subject: '1', text: 'Раз' });
    await sendTo(strict.port, { from: 'ivan@example.ru', to: address, subject: '2', text: 'Два' });
    const third = await sendTo(strict.port, {
      from: 'ivan@example.ru',
      to: address,
      subject: '3',
      text: 'Три',
    }).catch((e: unknown) => e);
    expect(third).toMatchObject({ responseCode: 451 });
    expect((await feedbackOf(org)).map((f: { text: string }) => f.text)).toEqual(['Два', 'Раз']);
  });
});
