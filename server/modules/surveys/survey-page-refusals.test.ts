// The public survey pages through real HTTP, on both dialects. This file: what the pages refuse
// (a filled honeypot, unknown tokens, closed surveys, scores off the scale, odd bodies, too many
// answers), never with a 5xx.
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { FORM, surveyPageKit } from './survey-page.fixtures.ts';

describe.each(testDialects())('the public survey pages on %s', (dialect) => {
  const kit = surveyPageKit(dialect);
  const { setup, api, pathOf, post, feedback, survey, contact, invite } = kit;

  it('stores nothing when the honeypot is filled, but thanks the visitor', async () => {
    await setup();
    const s = await survey('csat');
    const link = pathOf((await invite(s.id, (await contact('Иван')).id)).items[0].url);
    const res = await post(link, {
      score: '5',
      comment: 'buy pills',
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Спасибо за ответ');
    const open = await post(pathOf(s.openUrl), { score: '5', website: 'x' });
    expect(open.statusCode).toBe(200);
    expect(await feedback()).toEqual([]);
    expect(
      (await api('GET', `/api/v1/surveys/${s.id}/invites`)).json().items[0].answeredAt,
    ).toBeNull();
  });

  it('answers unknown and malformed tokens with a 404 page, and a closed survey with a 410 page', async () => {
    await setup();
    const s = await survey('nps');
    const link = pathOf((await invite(s.id, (await contact('Иван')).id)).items[0].url);
    for (const url of [
      '/s/abc',
      `/s/${'A'.repeat(43)}`,
      `/s/o/${'b'.repeat(43)}`,
      "/s/'%20or%201=1--",
      `/s/${'x'.repeat(150)}`,
    ]) {
      const res = await kit.t.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': 'en-GB,en' },
      });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('Survey not found');
      expect((await post(url, { score: '5' })).statusCode, url).toBe(404);
    }
    await api('PATCH', `/api/v1/surveys/${s.id}`, { status: 'closed' });
    for (const url of [link, pathOf(s.openUrl)]) {
      const page = await kit.t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(410);
      expect(page.body).toContain('Опрос завершён');
      expect((await post(url, { score: '5' })).statusCode, url).toBe(410);
      expect(
        (await kit.t.app.inject({ method: 'GET', url: `${url}?score=5` })).statusCode,
        url,
      ).toBe(410);
    }
    expect(await feedback()).toEqual([]);
  });

  it('re-renders the form with an error and a 400 for a score off the scale, keeping the comment', async () => {
    await setup();
    const s = await survey('csat');
    const link = pathOf((await invite(s.id, (await contact('Иван')).id)).items[0].url);
    for (const score of ['0', '6', 'abc', '', '3.5', '-1']) {
      const res = await post(link, { score, comment: 'Мой <b>комментарий</b>' });
      expect(res.statusCode, score).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Выберите оценку на шкале');
      expect(res.body).toContain('Мой &lt;b&gt;комментарий&lt;/b&gt;');
      expect(res.body).toContain('<form method="post"');
    }
    expect((await post(link, { comment: 'без оценки' })).statusCode).toBe(400);
    expect((await kit.t.app.inject({ method: 'GET', url: `${link}?score=9` })).statusCode).toBe(
      400,
    );
    expect(
      (await kit.t.app.inject({ method: 'GET', url: `${link}?score=1&score=2` })).statusCode,
    ).toBe(400);
    expect((await post(link, { score: '4', comment: 'я'.repeat(5001) })).statusCode).toBe(400);
    expect(await feedback()).toEqual([]);
  });

  it('answers odd bodies and content types with an HTML page, never a 5xx, and stores nothing', async () => {
    await setup();
    const s = await survey('nps');
    const link = pathOf((await invite(s.id, (await contact('Иван')).id)).items[0].url);
    const odd: [string, string][] = [
      ['application/json', 'null'],
      ['application/json', '[]'],
      ['application/json', '"9"'],
      ['application/json', '{"score":'],
      ['application/json', '{"score":9}'],
      ['text/plain', 'score=9'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/x-www-form-urlencoded', 'score=9&score=10'],
      ['application/x-www-form-urlencoded', '%%%'],
    ];
    for (const [type, payload] of odd) {
      for (const url of [link, pathOf(s.openUrl)]) {
        const res = await kit.t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type },
          payload,
        });
        expect(res.statusCode, `${type} ${payload}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${type} ${payload}`).toBeLessThan(500);
        expect(res.headers['content-type'], `${type} ${payload}`).toMatch(/^text\/html/);
      }
    }
    expect(await feedback()).toEqual([]);
  });

  it('limits the rate of public answers with a 429 page, and the JSON API still refuses forms', async () => {
    await setup({ RATE_LIMIT_PUBLIC_PER_MINUTE: '2', OPEN_SURVEY_COOLDOWN_SECONDS: '0' });
    const s = await survey('nps');
    const open = pathOf(s.openUrl);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await post(open, { score: '8' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await post(open, { score: '8' });
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.headers['retry-after']).toBeTruthy();
    expect(await feedback()).toHaveLength(2);

    const form = await call(kit.t.app, kit.org.apiKey, {
      method: 'POST',
      url: '/api/v1/surveys',
      headers: FORM,
      payload: 'name=x&metric=nps',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('unsupported_media_type');
  });
});
