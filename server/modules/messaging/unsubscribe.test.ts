// Unsubscribing (issue 15), end to end: the link in the real received e-mail, GET shows a form
// and changes nothing, POST unsubscribes; from then on the contact gets no status, closing or
// survey message (the acknowledgement of their own message still comes); a forged token changes
// nothing; an admin puts the contact back, audited. Real SMTP, fake clock, both dialects.
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { fixedClock } from '../../lib/clock.ts';

const HOUR = 3_600_000;
const LINK_RE = /https:\/\/cx\.example\.ru(\/unsubscribe\/[A-Za-z0-9_-]{64})/;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function header(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');
}

describe.each(testDialects())('unsubscribing on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    smtp = await startTestSmtp({ recipient: 'ivan@example.ru' }); // the client's mail only
    const clock = fixedClock('2026-11-23T07:00:00.000Z');
    t = await createTestApp({
      dialect,
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const worker = testWorker(t.deps);
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, payload });
    const feedback = async (text: string) => {
      const res = await api('POST', '/api/v1/feedback', {
        contact: { email: 'ivan@example.ru', name: 'Иван', language: 'ru' },
        score: { type: 'nps', value: 2 },
        text,
      });
      expect(res.statusCode).toBe(201);
      await worker.drain();
      return res.json() as { caseId: string; contactId: string; publicRef: string };
    };
    const settle = async () => {
      await worker.drain();
      await new Promise((r) => setTimeout(r, 150));
      return smtp.messages.length;
    };
    const unsubscribes = () => t.deps.db.selectFrom('contact_unsubscribes').selectAll().execute();
    return { org, clock, worker, api, feedback, settle, unsubscribes };
  }

  it('works from the link in the received e-mail, and then only acknowledgements arrive', async () => {
    const { clock, api, feedback, settle, unsubscribes } = await setup();
    const first = await feedback('Курьер опоздал');
    const [ack] = await smtp.waitFor(1);
    const path = LINK_RE.exec(ack!.text ?? '')![1]!;
    // RFC 8058 headers name the same link.
    expect(header(ack!, 'List-Unsubscribe')).toBe(`<https://cx.example.ru${path}>`);
    expect(header(ack!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // GET (what a mail scanner does) shows the form and changes nothing.
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('lang="ru"');
    expect(page.body).toContain('Больше не присылать вам уведомления от Ромашка?');
    expect(page.body).toContain(`<form method="post" action="${path}?lang=ru">`);
    expect(await unsubscribes()).toEqual([]);
    const en = await t.app.inject({ method: 'GET', url: `${path}?lang=en` });
    expect(en.body).toContain('Stop sending you notifications from Ромашка?');

    const done = await t.app.inject({
      method: 'POST',
      url: path,
      headers: FORM,
      payload: 'confirm=yes',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Готово: Ромашка больше не будет присылать вам уведомления.');
    expect(await unsubscribes()).toMatchObject([
      { contact_id: first.contactId, scope: 'all', source: 'link' },
    ]);
    const again = await t.app.inject({ method: 'GET', url: path });
    expect(again.body).toContain('Вы уже отписаны');
    const contact = (await api('GET', `/api/v1/contacts/${first.contactId}`)).json();
    expect(contact.unsubscribedAt).toBe('2026-11-23T07:00:00.000Z');

    // Status, closing and survey messages stop.
    expect(await settle()).toBe(1);
    await api('PATCH', `/api/v1/cases/${first.caseId}`, { status: 'in_progress' });
    clock.advance(5 * HOUR);
    await api('PATCH', `/api/v1/cases/${first.caseId}`, { status: 'waiting_client' });
    clock.advance(5 * HOUR);
    await api('PATCH', `/api/v1/cases/${first.caseId}`, {
      status: 'resolved',
      resolution: 'OK',
      resolutionCode: 'fixed',
    });
    const survey = (await api('POST', '/api/v1/surveys', { name: 'NPS', metric: 'nps' })).json();
    const invited = await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: [first.contactId],
      send: true,
    });
    expect(invited.json().queued).toBe(0);
    expect(await settle()).toBe(1);
    // Only the acknowledgement went to the client (the case owner's own mail is not the client's).
    const kinds = await t.deps.db
      .selectFrom('messages')
      .select('kind')
      .where('kind', '!=', 'case_assigned')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['ack']);

    // The receipt of the contact's own new message still comes, with the link.
    const second = await feedback('И ещё одно');
    expect(await settle()).toBe(2);
    expect(smtp.messages[1]!.subject).toBe(`Мы получили ваш отзыв — ${second.publicRef}`);
    expect(smtp.messages[1]!.text).toContain(`https://cx.example.ru${path}`);
  });

  it('takes a one-click POST from a mail client, and stops a message queued before it', async () => {
    const { org, clock, api, feedback, settle, unsubscribes } = await setup();
    const rec = await feedback('Курьер опоздал');
    const [ack] = await smtp.waitFor(1);
    const url = header(ack!, 'List-Unsubscribe')!.slice(1, -1);
    await api('PATCH', `/api/v1/cases/${rec.caseId}`, { status: 'in_progress' }); // queued, not sent
    const res = await t.app.inject({
      method: 'POST',
      url: url.replace('https://cx.example.ru', ''),
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(await unsubscribes()).toMatchObject([{ source: 'one_click' }]);
    expect(await settle()).toBe(1);
    const status = await t.deps.db
      .selectFrom('messages')
      .select(['status', 'last_error'])
      .where('kind', '=', 'status')
      .executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'not_sent', last_error: 'the contact unsubscribed' });

    // At the contact's request an admin puts them back (audited); messages resume.
    const back = await api('POST', `/api/v1/contacts/${rec.contactId}/resubscribe`);
    expect(back.statusCode).toBe(200);
    expect(back.json().unsubscribedAt).toBeNull();
    expect(await unsubscribes()).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('action', 'like', 'contact.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'contact.resubscribed',
      'contact.unsubscribed',
    ]);
    await api('PATCH', `/api/v1/cases/${rec.caseId}`, { status: 'waiting_client' });
    // The dropped message still opened a 4-hour window (queued counts); the latest status follows.
    expect(await settle()).toBe(1);
    clock.advance(4 * HOUR);
    expect(await settle()).toBe(2);
    expect(smtp.messages[1]!.subject).toContain('Ждём вашего ответа');
  });

  it('shows one neutral page for a forged, altered or unknown token and changes nothing', async () => {
    const { feedback, unsubscribes } = await setup();
    await feedback('Курьер опоздал');
    const [ack] = await smtp.waitFor(1);
    const path = LINK_RE.exec(ack!.text ?? '')![1]!;
    const token = path.split('/')[2]!;
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    const forged = ['A'.repeat(64), altered, 'not-a-token', `${token}x`];
    const bodies = new Set<string>();
    for (const bad of forged) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({
          method,
          url: `/unsubscribe/${bad}`,
          ...(method === 'POST' ? { headers: FORM, payload: 'List-Unsubscribe=One-Click' } : {}),
        });
        expect(res.statusCode).toBe(404);
        expect(res.body).toContain('Эта ссылка не подходит для отписки. Ничего не изменено.');
        bodies.add(res.body);
      }
    }
    expect(bodies.size).toBe(1);
    expect(await unsubscribes()).toEqual([]);
  });

  it('adds the link to a custom template that leaves the placeholder out', async () => {
    const { api, feedback } = await setup();
    const saved = await api('PUT', '/api/v1/templates/ack/ru', {
      subject: 'Спасибо — {{ref}}',
      body: 'Здравствуйте, {{name}}! Номер: {{ref}}.',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().variables).toContain('unsubscribeUrl');
    await feedback('Курьер опоздал');
    const [ack] = await smtp.waitFor(1);
    expect(ack!.text).toMatch(/Номер: CL-\w+\.\n\n—\nОтписаться от уведомлений: https:\/\/cx/);
    expect(ack!.text).toMatch(LINK_RE);
  });
});
