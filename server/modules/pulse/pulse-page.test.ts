// The public pulse pages through real HTTP on both dialects: a second answer on the same token
// leaves the first standing, a forged token gets a neutral page and writes nothing, a team link
// takes one answer per browser (cookie), GET only preselects, a closed pulse answers 410.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { pulseKit } from './pulse.fixtures.ts';

describe.each(testDialects())('the pulse pages on %s', (dialect) => {
  const { kit, setup, api, pathOf, post, get, team, pulse, mailedLinks } = pulseKit(dialect);
  const answers = () => kit.t.deps.db.selectFrom('pulse_answers').selectAll().execute();

  it('keeps the first answer of a personal link and says so on a second one', async () => {
    await setup();
    const [anna] = await team('delivery', 1);
    const p = await pulse({ stages: ['delivery'] });
    const link = (await mailedLinks(1)).get(anna!.email!)!;
    const mail = kit.smtp!.messages[0]!;
    expect(mail.subject).toContain('Анонимный опрос');
    expect(mail.text).toContain('Насколько вероятно, что вы порекомендуете нашу компанию');

    const page = await get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="ru"');
    expect(page.body.match(/type="radio" name="score"/g)).toHaveLength(11);
    expect(page.body).toContain('Опрос анонимный');
    expect(page.body).not.toContain('<script');
    // A link from the e-mail preselects; it records nothing.
    const pre = await get(`${link}?score=7`);
    expect(pre.body).toContain('value="7" required checked');
    expect(await answers()).toEqual([]);

    expect((await post(link, { score: '4', comment: 'Мало обучения' })).body).toContain(
      'Спасибо за ответ',
    );
    const again = await post(link, { score: '10', comment: 'Передумала' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Засчитан первый ответ');
    expect((await get(link)).body).toContain('Ответ уже сохранён');
    const stored = await answers();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      score: 4,
      comment: 'Мало обучения',
      stage_key: 'delivery',
      pulse_id: p.id,
    });
  });

  it('answers a forged or malformed token with a neutral page and writes nothing', async () => {
    await setup();
    await team('delivery', 1);
    const p = await pulse({ stages: ['delivery'] });
    await mailedLinks(1);
    const forged = `/p/${'A'.repeat(43)}`;
    for (const path of [
      forged,
      '/p/short',
      `/p/t/${'B'.repeat(43)}`,
      `${pathOf(p.links[0].url).replace('/p/t/', '/p/')}`,
    ]) {
      const res = await post(path, { score: '9' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('Ссылка не действует');
      expect((await get(path)).statusCode).toBe(404);
    }
    expect(await answers()).toEqual([]);
    expect(
      (await kit.t.deps.db.selectFrom('pulse_invitations').select('used').execute()).map(
        (r) => r.used,
      ),
    ).toEqual([0]);
  });

  it('takes one answer per browser on a team link, refuses bad input with the form, closes with the pulse', async () => {
    await setup();
    await team('sales', 2);
    const p = await pulse({ stages: ['sales'], send: false });
    expect(p.queued).toBe(0);
    const link = pathOf(p.links[0].url);
    expect(p.links[0].stage).toBe('sales');

    const bad = await post(link, { score: '11' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Выберите оценку от 0 до 10');
    const en = await post(`${link}?lang=en`, { score: 'x' });
    expect(en.body).toContain('lang="en"');
    expect(en.body).toContain('Choose a score from 0 to 10');
    expect(await answers()).toEqual([]);

    const first = await post(link, { score: '9' });
    expect(first.body).toContain('Спасибо за ответ');
    const cookie = first.cookies[0]!;
    expect(cookie).toMatchObject({ path: link, httpOnly: true, value: '1' });
    const header = { cookie: `${cookie.name}=${cookie.value}` };
    expect((await post(link, { score: '0' }, header)).body).toContain('Ответ уже сохранён');
    expect((await get(link, header)).body).toContain('Ответ уже сохранён');
    // Another browser (no cookie) may answer: the documented limit of a shared link.
    expect((await post(link, { score: '6' })).body).toContain('Спасибо за ответ');
    expect((await answers()).map((a) => a.score).sort()).toEqual([6, 9]);

    expect((await api('PATCH', `/api/v1/pulses/${p.id}`, { status: 'closed' })).json().status).toBe(
      'closed',
    );
    const closed = await post(link, { score: '8' });
    expect(closed.statusCode).toBe(410);
    expect(closed.body).toContain('Опрос завершён');
    expect(await answers()).toHaveLength(2);
  });
});
