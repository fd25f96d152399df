// The flow outside checks rely on (INTERFACE.md): detractor feedback → stored once → an
// acknowledgement in the contact's language with a working status link → a case with an SLA due
// time → resolution → a closing e-mail. Real SMTP server, real worker, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';

/** The path of a record's status page: its tagged link from the API (issue 19). */
const statusOf = (r: { statusUrl: string }) => new URL(r.statusUrl).pathname;

describe.each(testDialects())('the closed loop on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    smtp = await startTestSmtp();
    // Monday 10:00 Moscow time, so the SLA arithmetic is visible.
    const clock = fixedClock('2026-11-23T07:00:00.000Z');
    t = await createTestApp({
      dialect,
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    return { org, clock, worker: testWorker(t.deps) };
  }

  it('acknowledges a Russian detractor in Russian, opens a case with an SLA, and closes the loop', async () => {
    const { org, worker } = await setup();
    const body = {
      channel: 'api',
      client: { externalId: 'crm-42', name: 'ООО Ромашка' },
      contact: { email: 'Ivan@Example.ru', name: 'Иван', language: 'ru' },
      stage: 'delivery',
      score: { type: 'nps', value: 3 },
      text: 'Курьер опоздал на два дня',
      receivedAt: '2026-11-23T06:55:00Z',
    };
    const first = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'idempotency-key': 'req-1' },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const record = first.json();
    expect(record.caseId).toBeTruthy();
    const replay = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'idempotency-key': 'req-1' },
      payload: body,
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(record.id);
    const conflict = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'idempotency-key': 'req-1' },
      payload: { ...body, text: 'другой текст' },
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('idempotency_conflict');
    expect(await t.deps.db.selectFrom('feedback').selectAll().execute()).toHaveLength(1);

    await worker.drain();
    // The acknowledgement, and the case's owner (routed to the admin: no manager, stage owner or
    // default owner here) hears about the case (issue 15).
    const sent = await smtp.waitFor(2);
    const ack = sent.find((m) => m.subject?.includes('Мы получили ваш отзыв'));
    const assigned = sent.find((m) => m !== ack);
    expect(assigned!.to).toMatchObject({ text: org.adminEmail });
    expect(assigned!.subject).toBe(`Вам назначено обращение ${record.publicRef}`);
    expect(ack!.to).toMatchObject({ text: 'ivan@example.ru' });
    expect(ack!.subject).toContain('Мы получили ваш отзыв');
    expect(ack!.subject).toContain(record.publicRef);
    expect(ack!.text).toContain(record.statusUrl);
    expect(ack!.text).toContain('Ромашка');

    const stored = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback/${record.id}` })
    ).json();
    expect(stored.acknowledgedAt).toBeTruthy();
    const kase = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}` })
    ).json();
    expect(kase).toMatchObject({
      status: 'acknowledged',
      publicRef: record.publicRef,
      priority: 'high',
      type: 'complaint',
    });
    // Built-in SLA: resolution in two working days from Monday 10:00 MSK → Wednesday 10:00 MSK.
    expect(kase.dueAt).toBe('2026-11-25T07:00:00.000Z');
    expect(kase.firstResponseDueAt).toBe('2026-11-23T11:00:00.000Z');

    const status = await t.app.inject({ method: 'GET', url: statusOf(record) });
    expect(status.statusCode).toBe(200);
    expect(status.headers['content-type']).toMatch(/text\/html/);
    expect(status.body).toContain('Принято в работу');

    const badMove = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${record.caseId}`,
      payload: { status: 'closed' },
    });
    expect(badMove.statusCode).toBe(409);
    expect(badMove.json().code).toBe('invalid_transition');
    const inWork = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${record.caseId}`,
      payload: { status: 'in_progress' },
    });
    expect(inWork.json().firstRespondedAt).toBeTruthy();
    const resolved = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/cases/${record.caseId}`,
      payload: {
        status: 'resolved',
        resolutionCode: 'fixed',
        resolution: 'Курьер наказан, доставку ускорили, вернули стоимость доставки.',
        followup: true,
      },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().status).toBe('resolved');

    await worker.drain();
    const mails = await smtp.waitFor(3);
    const closing = mails[2]!;
    expect(closing.subject).toBe(`Обращение ${record.publicRef} решено`);
    expect(closing.text).toContain('вернули стоимость доставки');
    expect(closing.text).toContain(`${statusOf(record)}/rate`);
    const after = await t.app.inject({ method: 'GET', url: statusOf(record) });
    expect(after.body).toContain('Решено');

    const events = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${record.caseId}/events` })
    )
      .json()
      .items.map((e: { kind: string; toStatus: string | null }) => `${e.kind}:${e.toStatus ?? ''}`);
    expect(events).toEqual([
      'opened:new',
      'assigned:',
      'status:acknowledged',
      'status:in_progress',
      'status:resolved',
      'resolution_code:',
    ]);

    const ratings = async () =>
      (
        await t.deps.db
          .selectFrom('feedback')
          .selectAll()
          .where('score_type', '=', 'csat')
          .execute()
      ).map((r) => r.score_value);
    // The link in the e-mail (followed by the client or by a mail scanner) only preselects.
    const page = await t.app.inject({
      method: 'GET',
      url: `${statusOf(record)}/rate?score=5`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="5" required checked');
    expect(await ratings()).toEqual([]);
    const rate = (score: string) =>
      t.app.inject({
        method: 'POST',
        url: `${statusOf(record)}/rate`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `score=${score}`,
      });
    expect((await rate('9')).statusCode).toBe(400);
    expect((await rate('5')).statusCode).toBe(200);
    await rate('1'); // one rating per case
    expect(await ratings()).toEqual([5]);
  });

  it('answers an English contact in English and opens no case for a promoter', async () => {
    const { org, worker } = await setup();
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        contact: { email: 'jane@example.com', name: 'Jane', language: 'en' },
        score: { type: 'nps', value: 10 },
        text: 'Great service',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().caseId).toBeNull();
    await worker.drain();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe(`We received your feedback — ${res.json().publicRef}`);
    expect(mail!.text).toContain('Hello Jane');
    const page = await t.app.inject({ method: 'GET', url: statusOf(res.json()) });
    expect(page.body).toContain('lang="en"');
  });

  it('retries a refused acknowledgement and marks it sent once the server accepts it', async () => {
    const { org, worker, clock } = await setup();
    smtp.refuseNext = 1;
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { contact: { email: 'a@example.ru' }, text: 'Всё хорошо' },
    });
    await worker.drain();
    const queued = (
      await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/messages?feedbackId=${res.json().id}`,
      })
    ).json().items[0];
    expect(queued).toMatchObject({ status: 'queued', attempts: 1 });
    expect(queued.lastError).toMatch(/451/);
    clock.advance(5_000);
    await worker.drain();
    await smtp.waitFor(1);
    const sent = (
      await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/messages?feedbackId=${res.json().id}`,
      })
    ).json().items[0];
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.messages).toHaveLength(1);
  });

  it('escalates a case past its due time to the admins, once', async () => {
    const { org, worker, clock } = await setup();
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { score: { type: 'csat', value: 1 }, text: 'Плохо' },
    });
    const caseId = res.json().caseId;
    expect(caseId).toBeTruthy();
    clock.set('2026-11-26T07:00:00.000Z');
    await worker.drain();
    await worker.drain();
    const kase = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/cases/${caseId}` })
    ).json();
    expect(kase.breachedAt).toBeTruthy();
    expect(kase.priority).toBe('urgent');
    // The admin owns the case (routed to them, issue 15): the assignment, then the escalation.
    const mails = await smtp.waitFor(2);
    expect(mails).toHaveLength(2);
    const escalation = mails.find((m) => m.subject?.includes('Просрочен срок'));
    expect(escalation!.to).toMatchObject({ text: org.adminEmail });
  });

  it('records a batch with per-item errors and de-duplicates by source id', async () => {
    const { org } = await setup();
    const items = [
      { text: 'Хорошо', sourceId: 's-1' },
      { score: { type: 'nps', value: 11 } },
      { text: 'Хорошо', sourceId: 's-1' },
      { clientId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6', text: 'кто я' },
      { score: { type: 'csat', value: 5 }, client: { externalId: 'x-1', name: 'Бета' } },
    ];
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'error',
      'duplicate',
      'error',
      'created',
    ]);
    expect(results[1].error.code).toBe('validation_failed');
    expect(results[2].id).toBe(results[0].id);
    expect(results[3].error.code).toBe('not_found');
    expect(await t.deps.db.selectFrom('feedback').selectAll().execute()).toHaveLength(2);
  });
});
