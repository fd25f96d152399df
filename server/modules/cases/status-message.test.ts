// Client status messages (issue 15): the contact hears about in progress / waiting for the client
// through the `status` template, at most once per case per 4 hours, carrying the latest status,
// and never after the closing message. Real SMTP server, real worker, fake clock, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';

const HOUR = 3_600_000;

describe.each(testDialects())('client status messages on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** A detractor's case whose acknowledgement has been delivered (one mail so far). */
  async function caseWithAck() {
    smtp = await startTestSmtp({ recipient: 'ivan@example.ru' }); // the client's mail only
    const clock = fixedClock('2026-11-23T07:00:00.000Z');
    t = await createTestApp({
      dialect,
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const worker = testWorker(t.deps);
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        contact: { email: 'ivan@example.ru', name: 'Иван', language: 'ru' },
        score: { type: 'nps', value: 2 },
        text: 'Курьер опоздал',
      },
    });
    const { caseId, publicRef } = res.json();
    expect(caseId).toBeTruthy();
    await worker.drain();
    await smtp.waitFor(1);
    const move = async (status: string, extra: Record<string, unknown> = {}) => {
      const r = await call(t.app, org.apiKey, {
        method: 'PATCH',
        url: `/api/v1/cases/${caseId}`,
        payload: { status, ...extra },
      });
      expect(r.statusCode).toBe(200);
      await worker.drain();
    };
    /** The subjects of the mails received so far, after a moment for late arrivals. */
    const subjects = async () => {
      await new Promise((r) => setTimeout(r, 150));
      return smtp.messages.map((m) => m.subject);
    };
    return { org, clock, worker, caseId, publicRef: publicRef as string, move, subjects };
  }

  it('sends one message for changes within 4 hours, the latest status when the window ends, and another for a change after 4 hours', async () => {
    const { clock, publicRef, move, subjects, worker } = await caseWithAck();
    const ack = `Мы получили ваш отзыв — ${publicRef}`;
    const inWork = `Обращение ${publicRef}: В работе`;
    const waiting = `Обращение ${publicRef}: Ждём вашего ответа`;

    await move('in_progress'); // 07:00 → told at once
    expect(await subjects()).toEqual([ack, inWork]);
    clock.advance(1 * HOUR);
    await move('waiting_client'); // 08:00, within 4 h → held
    clock.advance(1 * HOUR);
    await move('in_progress'); // 09:00, back to what the client was told
    expect(await subjects()).toEqual([ack, inWork]);
    clock.advance(2 * HOUR + 60_000); // 11:01, the window has ended
    await worker.drain();
    // The latest status is what the client already knows: nothing to say.
    expect(await subjects()).toEqual([ack, inWork]);

    clock.advance(1 * HOUR); // 12:01, more than 4 h after the last message → at once
    await move('waiting_client');
    expect(await subjects()).toEqual([ack, inWork, waiting]);
    clock.advance(HOUR / 2); // 12:31
    await move('in_progress');
    clock.advance(HOUR); // 13:31
    await move('waiting_client');
    clock.advance(HOUR); // 14:31
    await move('in_progress');
    expect(await subjects()).toEqual([ack, inWork, waiting]);
    clock.set('2026-11-23T16:01:00.000Z'); // 12:01 + 4 h: the latest status, in progress
    await worker.drain();
    expect(await subjects()).toEqual([ack, inWork, waiting, inWork]);

    const last = smtp.messages[3]!;
    expect(last.text).toContain('Статус вашего обращения');
    expect(last.text).toContain(`https://cx.example.ru/status/${publicRef}`);
    expect(last.text).toMatch(
      /Отписаться от уведомлений: https:\/\/cx\.example\.ru\/unsubscribe\//,
    );
  });

  it('sends no status message after the closing one, even when the case is reopened', async () => {
    const { clock, publicRef, move, subjects, worker } = await caseWithAck();
    const closing = `Обращение ${publicRef} решено`;
    await move('in_progress');
    clock.advance(5 * HOUR);
    await move('resolved', {
      resolution: 'Вернули деньги за доставку.',
      resolutionCode: 'compensation',
    });
    expect((await subjects()).slice(-1)).toEqual([closing]);

    clock.advance(5 * HOUR);
    await move('in_progress'); // reopened
    clock.advance(5 * HOUR);
    await move('waiting_client');
    clock.advance(5 * HOUR);
    await worker.drain();
    expect(await subjects()).toEqual([
      `Мы получили ваш отзыв — ${publicRef}`,
      `Обращение ${publicRef}: В работе`,
      closing,
    ]);
    const statusRows = await t.deps.db
      .selectFrom('messages')
      .select(['kind', 'created_at'])
      .where('kind', '=', 'status')
      .execute();
    expect(statusRows).toHaveLength(1);
  });

  it('drops a status message still queued when the case is resolved before it goes out', async () => {
    const { org, caseId, publicRef, subjects, worker } = await caseWithAck();
    const patch = (payload: object) =>
      call(t.app, org.apiKey, { method: 'PATCH', url: `/api/v1/cases/${caseId}`, payload });
    smtp.refuseNext = 1; // the status message is refused once and waits for its retry
    await patch({ status: 'in_progress' });
    await worker.drain();
    await patch({ status: 'resolved', resolution: 'Готово.', resolutionCode: 'fixed' });
    await worker.drain();
    // Past the back-off of the retry.
    (t.deps.clock as ReturnType<typeof fixedClock>).advance(HOUR);
    await worker.drain();
    expect(await subjects()).toEqual([
      `Мы получили ваш отзыв — ${publicRef}`,
      `Обращение ${publicRef} решено`,
    ]);
    const status = await t.deps.db
      .selectFrom('messages')
      .select(['status', 'last_error'])
      .where('kind', '=', 'status')
      .executeTakeFirstOrThrow();
    expect(status).toEqual({
      status: 'not_sent',
      last_error: 'the case was resolved before this status message went out',
    });
  });
});
