// "You said, we did" end to end on both dialects (issue 18): an initiative linked to four records
// of three contacts is marked done → exactly one message per contact, in each contact's language,
// quoting their own words and the public note, through the REAL SMTP test server; none to the
// unsubscribed contact; nothing more when the status goes done → in_progress → done; the
// `initiative.done` webhook is signed (Standard Webhooks) and delivered after a retry; the public
// status page of a linked record shows the note. Lives in tests/ because it drives the webhooks
// module's loopback receiver (its fixtures) and the worker with that network.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from './support/app.ts';
import { testDialects } from './support/db.ts';
import { startTestSmtp, recipientsOf, type TestSmtp } from './support/smtp.ts';
import { ctxFor } from '../server/context.ts';
import { fixedClock } from '../server/lib/clock.ts';
import { unsubscribeContact } from '../server/modules/clients/index.ts';
import { allJobs } from '../server/modules/registry.ts';
import {
  loopbackNetwork,
  RECEIVER_NAME,
  startReceiver,
  verify,
} from '../server/modules/webhooks/delivery.fixtures.ts';
import { DELIVER_JOB } from '../server/modules/webhooks/emit-event.ts';
import { webhookJobs } from '../server/modules/webhooks/webhooks.jobs.ts';
import { createWebhook } from '../server/modules/webhooks/webhooks.service.ts';
import { createWorker } from '../server/worker.ts';

describe.each(testDialects())('you said, we did on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    await receiver?.close();
  });

  it('tells each linked contact once, in their language, and signs the webhook', async () => {
    smtp = await startTestSmtp();
    receiver = await startReceiver();
    const clock = fixedClock('2026-11-20T09:00:00Z');
    t = await createTestApp({
      dialect,
      clock,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://cx.example.ru',
        OUTBOUND_ALLOWED_HOSTS: RECEIVER_NAME,
      },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const net = loopbackNetwork();
    const jobs = [
      ...allJobs(t.deps).filter((j) => j.name !== DELIVER_JOB),
      ...webhookJobs(t.deps, net),
    ];
    const worker = createWorker(t.deps, jobs);
    const drain = async () => {
      while ((await worker.runOnce()) > 0);
    };
    const admin = ctxFor(t.deps, { type: 'user', id: null, orgId: org.orgId, role: 'admin' });
    const hook = await createWebhook(
      admin,
      { url: `http://${receiver.host}/hook`, events: ['initiative.done'] },
      net,
    );
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    async function record(email: string, name: string, language: string, text: string) {
      const res = await api('POST', '/api/v1/feedback', {
        client: { externalId: `crm-${email}`, name: `Клиент ${name}` },
        contact: { email, name, language },
        stage: 'доставка',
        text,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; publicRef: string; statusUrl: string; contactId: string };
    }
    const ivanOld = await record('ivan@example.ru', 'Иван', 'ru', 'Курьер опоздал');
    const ivan = await record('ivan@example.ru', 'Иван', 'ru', 'Курьер опять опоздал на два дня');
    const john = await record('john@example.com', 'John', 'en', 'The courier was two days late');
    const olga = await record('olga@example.ru', 'Ольга', 'ru', 'Где мой заказ?');
    await unsubscribeContact(admin, olga.contactId, 'link');
    await drain();
    const before = smtp.messages.length;

    const created = await api('POST', '/api/v1/initiatives', {
      title: 'Доставка в тот же день',
      stage: 'доставка',
      feedbackIds: [ivanOld.id, ivan.id, john.id, olga.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/initiatives/${created.json().id}`;
    await api('PATCH', url, { status: 'planned' });
    await api('PATCH', url, { status: 'in_progress' });
    receiver.replies.push(500); // the first delivery fails and is retried
    const done = await api('PATCH', url, {
      status: 'done',
      publicNote: 'Теперь курьер приезжает в день заказа.',
    });
    expect(done.statusCode, done.body).toBe(200);
    await drain();
    const mails = await smtp.waitFor(before + 2);
    const told = mails.slice(before);
    expect(told.map((m) => recipientsOf(m)[0]).sort()).toEqual([
      'ivan@example.ru',
      'john@example.com',
    ]);
    const ru = told.find((m) => recipientsOf(m)[0] === 'ivan@example.ru')!;
    expect(ru.subject).toBe('Вы сказали — мы сделали: Доставка в тот же день');
    expect(ru.text).toContain('«Курьер опять опоздал на два дня»');
    expect(ru.text).toContain('Теперь курьер приезжает в день заказа.');
    expect(ru.text).toContain(ivan.statusUrl);
    const en = told.find((m) => recipientsOf(m)[0] === 'john@example.com')!;
    expect(en.subject).toBe('You said, we did: Доставка в тот же день');
    expect(en.text).toContain('"The courier was two days late"');
    expect(en.text).toContain('Unsubscribe');

    // The webhook: first attempt 500, then the retry after the back-off, same event id, signed.
    expect(receiver.received).toHaveLength(1);
    clock.advance(5_000);
    await drain();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(verify(hook.secret, second!)).toBe(true);
    const body = JSON.parse(second!.body);
    expect(body.type).toBe('initiative.done');
    expect(body.data).toMatchObject({
      initiative: { title: 'Доставка в тот же день', status: 'done' },
      contactsNotified: 2,
    });

    // Flipped back and forth: nothing more to anyone.
    await api('PATCH', url, { status: 'in_progress' });
    clock.advance(60_000);
    expect((await api('PATCH', url, { status: 'done' })).statusCode).toBe(200);
    await drain();
    const stored = await t.deps.db
      .selectFrom('messages')
      .select('to_address')
      .where('kind', '=', 'you_said_we_did')
      .execute();
    expect(stored.map((m) => m.to_address).sort()).toEqual(['ivan@example.ru', 'john@example.com']);
    expect(smtp.messages.filter((m) => m.subject?.includes('Доставка в тот же день'))).toHaveLength(
      2,
    );
    const detail = (await api('GET', url)).json();
    expect(detail.noticesSent).toBe(2);

    // The public status page of a linked record says so.
    const page = await t.app.inject({ method: 'GET', url: new URL(ivan.statusUrl).pathname });
    expect(page.body).toContain('Вы сказали — мы сделали');
    expect(page.body).toContain('Теперь курьер приезжает в день заказа.');
  });
});
