// The monthly report e-mail end to end, on both dialects, through a real SMTP server: chosen
// people get the previous month's arbiter summary on the first working day (Moscow time, after the
// holidays of the default SLA policy), from 09:00, once.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { readPdf } from './pdf-text.fixtures.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { firstWorkingDay, MONTHLY_REPORT_JOB } from './monthly-report.ts';

describe('the first working day', () => {
  it('skips weekends and holidays', () => {
    // 2027-01-01 is a Friday; the Russian new-year holidays run to the 8th.
    const holidays = [
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ];
    expect(firstWorkingDay(2027, 1, holidays)).toBe('2027-01-11');
    expect(firstWorkingDay(2027, 1, [])).toBe('2027-01-01');
    // 2026-11-01 is a Sunday.
    expect(firstWorkingDay(2026, 11, [])).toBe('2026-11-02');
  });
});

describe.each(testDialects())('the monthly report on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('e-mails the chosen people once, on the first working day after 09:00', async () => {
    smtp = await startTestSmtp();
    const clock = fixedClock('2026-12-15T09:00:00Z');
    t = await createTestApp({
      dialect,
      clock,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const other = await createTestOrg(t.deps, 'Чужая');
    const api = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: object,
      key = org.apiKey,
    ) => call(t.app, key, { method, url, ...(payload ? { payload } : {}) });
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    const holidays = [
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ];
    const day = [['09:00', '18:00']];
    const policy = await api('POST', '/api/v1/sla-policies', {
      name: 'Рабочие часы',
      firstResponseMinutes: 240,
      resolutionMinutes: 1080,
      timeZone: 'Europe/Moscow',
      businessHours: { 1: day, 2: day, 3: day, 4: day, 5: day },
      holidays,
      isDefault: true,
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const person = async (email: string, language: 'ru' | 'en', key = org.apiKey) =>
      (
        await api(
          'POST',
          '/api/v1/users',
          {
            email,
            name: email.split('@')[0],
            password: 'long-enough-1',
            role: 'analyst',
            language,
          },
          key,
        )
      ).json().id as string;
    const anna = await person('anna@example.ru', 'ru');
    const bob = await person('bob@example.com', 'en');
    const stranger = await person('eve@example.com', 'en', other.apiKey);
    // Another organisation's person is a 404 and changes nothing.
    const refused = await api('PUT', '/api/v1/reports/recipients', { userIds: [anna, stranger] });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().invalidParams[0].name).toBe('body.userIds.1');
    expect((await api('GET', '/api/v1/reports/recipients')).json().recipients).toEqual([]);
    const chosen = await api('PUT', '/api/v1/reports/recipients', { userIds: [anna, bob] });
    expect(chosen.json().recipients.map((r: { email: string }) => r.email)).toEqual([
      'anna@example.ru',
      'bob@example.com',
    ]);
    // December: one detractor of «доставка» who paid 1 000 → all of it at risk (short history).
    await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
    });
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json().id;
    await api('POST', '/api/v1/feedback', {
      clientId: client,
      stage: 'доставка',
      score: { type: 'nps', value: 3 },
      receivedAt: '2026-12-10T10:00:00Z',
    });
    await api('POST', '/api/v1/transactions', {
      clientId: client,
      externalId: 'R-1',
      kind: 'sale',
      date: '2026-12-11',
      amount: 1000,
      stage: 'доставка',
    });
    const sent = async () => {
      await t.deps.jobs.enqueue(t.deps.db, { name: MONTHLY_REPORT_JOB, orgId: null, payload: {} });
      await testWorker(t.deps).drain();
      return t.deps.db
        .selectFrom('messages')
        .selectAll()
        .where('kind', '=', 'monthly_report')
        .execute();
    };
    clock.set('2027-01-04T07:00:00Z'); // Monday 10:00 in Moscow, but a holiday
    expect(await sent()).toHaveLength(0);
    clock.set('2027-01-11T05:30:00Z'); // the first working day, 08:30
    expect(await sent()).toHaveLength(0);
    clock.set('2027-01-11T06:30:00Z'); // 09:30
    expect(await sent()).toHaveLength(2);
    const mails = await smtp.waitFor(2);
    const ru = mails.find((m) => m.subject?.includes('декабрь 2026'))!;
    const en = mails.find((m) => m.subject?.includes('December 2026'))!;
    const plain = (text = '') => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(ru.text)).toContain('1. Доставка — под риском 1 000,00 RUB, доля критиков 100 %');
    expect(ru.text).toContain('https://cx.example.ru/arbiter?from=2026-12-01&to=2027-01-01');
    expect(en.text).toContain('1. Delivery —');
    // The arbiter report of December rides along as a PDF, in the reader's language.
    expect(ru.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['arbitr-2026-12.pdf', 'application/pdf'],
    ]);
    const pdf = await readPdf(ru.attachments[0]!.content);
    expect(pdf.text).toContain('Отчёт арбитра: выручка под риском по этапам');
    expect(pdf.text).toContain('1. Доставка 1 000,00 RUB');
    expect(en.attachments[0]?.filename).toBe('arbiter-2026-12.pdf');
    expect((await readPdf(en.attachments[0]!.content)).text).toContain('1. Delivery');
    clock.set('2027-01-11T12:00:00Z');
    expect(await sent()).toHaveLength(2);
  });
});
