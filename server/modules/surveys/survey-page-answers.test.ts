// The public survey pages through real HTTP: form posts, one-click links from real invitation
// e-mails, a real SMTP server and the real worker, on both dialects. One invitation → one record.
// This file: answers recorded (form, one-click link, open link) and the language a page speaks.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { surveyPageKit } from './survey-page.fixtures.ts';

describe.each(testDialects())('the public survey pages on %s', (dialect) => {
  const kit = surveyPageKit(dialect);
  const { setup, api, pathOf, post, feedback, survey, contact, invite } = kit;

  it('records a personal answer posted by the form once: survey, contact, score, comment, acknowledgement and a case', async () => {
    await setup();
    const s = await survey('nps');
    const ivan = await contact('Иван', 'ivan@example.ru');
    const link = pathOf((await invite(s.id, ivan.id)).items[0].url);

    const page = await kit.t.app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('lang="ru"');
    expect(page.body).toContain(s.question.ru);
    expect(page.body.match(/type="radio" name="score"/g)).toHaveLength(11);
    expect(page.body).toContain('name="website"');
    expect(page.body).not.toContain('<script');

    const res = await post(link, { score: '3', comment: 'Курьер опоздал на два дня', website: '' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Спасибо за ответ');
    const [record, ...rest] = await feedback();
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      channel: 'survey',
      survey_id: s.id,
      contact_id: ivan.id,
      client_id: ivan.clientId,
      stage: 'delivery',
      score_type: 'nps',
      score_value: 3,
      text: 'Курьер опоздал на два дня',
      source_id: expect.stringMatching(/^invite:/),
    });
    expect(record!.case_id).toBeTruthy();

    const again = await post(link, { score: '10', comment: 'Передумал' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Вы уже ответили');
    expect((await kit.t.app.inject({ method: 'GET', url: link })).body).toContain(
      'Вы уже ответили',
    );
    expect(await feedback()).toHaveLength(1);

    await testWorker(kit.t.deps).drain();
    // With the acknowledgement, the case owner's assignment mail (issue 15).
    const sent = await kit.smtp!.waitFor(2);
    const ack = sent.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'ivan@example.ru');
    expect(ack!.to).toMatchObject({ text: 'ivan@example.ru' });
    expect(ack!.subject).toContain(record!.public_ref);
    const kase = (await api('GET', `/api/v1/cases/${record!.case_id}`)).json();
    expect(kase).toMatchObject({ feedbackId: record!.id, contactId: ivan.id, type: 'complaint' });
    const listed = (await api('GET', `/api/v1/surveys/${s.id}/invites`)).json().items[0];
    expect(listed).toMatchObject({ feedbackId: record!.id, answeredAt: expect.any(String) });
  });

  it('sends invitations in each contact language whose one-click links record the score once', async () => {
    await setup();
    const s = await survey('ces');
    const ivan = await contact('Иван', 'ivan@example.ru', 'ru');
    const jane = await contact('Jane', 'jane@example.com', 'en');
    const mute = await contact('Без почты');
    const res = await api('POST', `/api/v1/surveys/${s.id}/invites`, {
      contactIds: [ivan.id, jane.id, mute.id],
      send: true,
    });
    expect(res.json().queued).toBe(2);
    await testWorker(kit.t.deps).drain();
    const mails = await kit.smtp!.waitFor(2);
    const toJane = mails.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.text === 'jane@example.com',
    )!;
    const toIvan = mails.find(
      (m) => m.to && !Array.isArray(m.to) && m.to.text === 'ivan@example.ru',
    )!;
    expect(toJane.subject).toBe(s.question.en);
    expect(toJane.text).toContain('Hello Jane');
    expect(toJane.text).toContain('1 (very easy): https://cx.example.ru/s/');
    expect(toJane.text).toContain('7 (very difficult): ');
    expect(toIvan.subject).toBe(s.question.ru);
    expect(toIvan.text).toContain('1 (очень легко): ');

    const janeLink = toJane.text!.match(
      /2: (https:\/\/cx\.example\.ru\/s\/[A-Za-z0-9_-]{43}\?score=2)/,
    )![1]!;
    // Following the link (as a mail scanner does) only preselects the score: nothing is stored.
    const clicked = await kit.t.app.inject({ method: 'GET', url: pathOf(janeLink) });
    expect(clicked.statusCode).toBe(200);
    expect(clicked.body).toContain('lang="en"');
    expect(clicked.body).toContain('value="2" required checked');
    expect(await feedback()).toEqual([]);
    // One tap on the button records it.
    const tapped = await kit.t.app.inject({
      method: 'POST',
      url: pathOf(janeLink).split('?')[0]!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'score=2',
    });
    expect(tapped.statusCode).toBe(200);
    expect(tapped.body).toContain('Thank you for your answer');
    // A mail scanner or a second click on another score changes nothing.
    const second = await kit.t.app.inject({
      method: 'GET',
      url: pathOf(janeLink.replace('score=2', 'score=7')),
    });
    expect(second.body).toContain('already answered');
    const stored = await feedback();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      contact_id: jane.id,
      survey_id: s.id,
      score_type: 'ces',
      score_value: 2,
      text: null,
    });
  });

  it('keeps one record when the same invitation is answered several times at once', async () => {
    await setup();
    const s = await survey('csat');
    const link = pathOf((await invite(s.id, (await contact('Иван')).id)).items[0].url);
    const answers = await Promise.all(
      ['1', '2', '3', '4', '5'].map((score) => post(link, { score })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const stored = await feedback();
    expect(stored).toHaveLength(1);
    expect((await api('GET', `/api/v1/surveys/${s.id}/invites`)).json().items[0].feedbackId).toBe(
      stored[0]!.id,
    );
  });

  it('takes any number of anonymous answers on the open link, in the language the browser asks for', async () => {
    // The open link's cooldown per device is tested in open-link-limits.test.ts.
    await setup({ OPEN_SURVEY_COOLDOWN_SECONDS: '0' });
    const s = await survey('nps', { stage: 'onboarding' });
    const open = pathOf(s.openUrl);
    const page = await kit.t.app.inject({
      method: 'GET',
      url: open,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain(s.question.en);
    expect(
      (
        await kit.t.app.inject({
          method: 'GET',
          url: `${open}?lang=ru`,
          headers: { 'accept-language': 'en' },
        })
      ).body,
    ).toContain(s.question.ru);
    // On the open link ?score only preselects: nothing is stored until the visitor submits.
    const preselected = await kit.t.app.inject({ method: 'GET', url: `${open}?score=9` });
    expect(preselected.body).toContain('value="9" required checked');
    expect(await feedback()).toEqual([]);

    expect((await post(open, { score: '9' })).statusCode).toBe(200);
    expect((await post(open, { score: '2', comment: 'Долго' })).statusCode).toBe(200);
    const stored = await feedback();
    expect(stored.map((f) => [f.score_value, f.contact_id, f.survey_id, f.stage]).sort()).toEqual([
      [2, null, s.id, 'onboarding'],
      [9, null, s.id, 'onboarding'],
    ]);
  });

  it('speaks the contact language on a personal link unless ?lang says otherwise', async () => {
    await setup();
    const s = await survey('nps');
    const link = pathOf(
      (await invite(s.id, (await contact('Jane', undefined, 'en')).id)).items[0].url,
    );
    const page = await kit.t.app.inject({
      method: 'GET',
      url: link,
      headers: { 'accept-language': 'ru-RU' },
    });
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain(`action="${link}?lang=en"`);
    expect((await kit.t.app.inject({ method: 'GET', url: `${link}?lang=ru` })).body).toContain(
      'lang="ru"',
    );
  });
});
