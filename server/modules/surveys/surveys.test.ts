// The surveys API: create with per-metric defaults, read, list, edit (the metric is fixed),
// close and reopen, invitations all-or-nothing, roles, and the QR code of the open link.
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { DEFAULT_QUESTIONS } from '../../../shared/api/surveys.ts';

const PUBLIC_URL = 'https://cx.example.ru';

describe.each(testDialects())('the surveys API on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestApp({ dialect, env: { PUBLIC_URL } });
    org = await createTestOrg(t.deps, 'Ромашка');
  }
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, key = org.apiKey) =>
    call(t.app, key, { method, url, ...(payload ? { payload } : {}) });

  async function contact(name: string, email?: string) {
    const client = await api('POST', '/api/v1/clients', { name: `ООО ${name}` });
    return (
      await api('POST', `/api/v1/clients/${client.json().id}/contacts`, {
        name,
        ...(email ? { email } : {}),
      })
    ).json().id as string;
  }

  it('creates a survey with the default question of its metric, an open link, and reads it back', async () => {
    await setup();
    const res = await api('POST', '/api/v1/surveys', {
      name: 'После доставки',
      metric: 'ces',
      stage: 'delivery',
    });
    expect(res.statusCode).toBe(201);
    const survey = res.json();
    expect(survey).toMatchObject({
      name: 'После доставки',
      metric: 'ces',
      stage: 'delivery',
      status: 'active',
      question: DEFAULT_QUESTIONS.ces,
    });
    expect(survey.commentPrompt.ru).toBeTruthy();
    expect(survey.openUrl).toMatch(/^https:\/\/cx\.example\.ru\/s\/o\/[A-Za-z0-9_-]{43}$/);
    expect((await api('GET', `/api/v1/surveys/${survey.id}`)).json()).toEqual(survey);

    const second = (
      await api('POST', '/api/v1/surveys', {
        name: 'NPS',
        metric: 'nps',
        question: { ru: 'Порекомендуете?', en: 'Recommend?' },
      })
    ).json();
    expect(second.question).toEqual({ ru: 'Порекомендуете?', en: 'Recommend?' });
    expect(second.openUrl).not.toBe(survey.openUrl);
    const list = (await api('GET', '/api/v1/surveys')).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([second.id, survey.id]);
    const firstPage = (await api('GET', '/api/v1/surveys?limit=1')).json();
    expect(firstPage.items).toHaveLength(1);
    const nextPage = (
      await api('GET', `/api/v1/surveys?limit=1&cursor=${firstPage.nextCursor}`)
    ).json();
    expect(nextPage.items[0].id).toBe(survey.id);
  });

  it('refuses invalid surveys with 400 and lists the fields', async () => {
    await setup();
    const bad = await api('POST', '/api/v1/surveys', {
      name: '',
      metric: 'stars',
      question: { ru: 'Вопрос' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['body.name', 'body.metric', 'body.question.en']),
    );
    expect((await api('GET', '/api/v1/surveys')).json().items).toEqual([]);
  });

  it('edits, closes and reopens a survey, but never changes its metric', async () => {
    await setup();
    const survey = (await api('POST', '/api/v1/surveys', { name: 'CSAT', metric: 'csat' })).json();
    const edited = await api('PATCH', `/api/v1/surveys/${survey.id}`, {
      name: 'CSAT поддержки',
      stage: 'support',
      commentPrompt: { ru: 'Что улучшить?', en: 'What to improve?' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'CSAT поддержки',
      stage: 'support',
      commentPrompt: { ru: 'Что улучшить?', en: 'What to improve?' },
      metric: 'csat',
      openUrl: survey.openUrl,
    });

    const metric = await api('PATCH', `/api/v1/surveys/${survey.id}`, { metric: 'nps' });
    expect(metric.statusCode).toBe(400);
    expect((await api('PATCH', `/api/v1/surveys/${survey.id}`, {})).statusCode).toBe(400);
    expect(
      (await api('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'paused' })).statusCode,
    ).toBe(400);

    expect(
      (await api('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'closed' })).json().status,
    ).toBe('closed');
    expect(
      (
        await api('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'active', stage: null })
      ).json(),
    ).toMatchObject({ status: 'active', stage: null, metric: 'csat' });
    expect(
      (await api('PATCH', '/api/v1/surveys/01a206ea-dd6a-7001-8c1b-5f588a061bc6', { name: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('lets a viewer read surveys but not create or change them', async () => {
    await setup();
    const survey = (await api('POST', '/api/v1/surveys', { name: 'NPS', metric: 'nps' })).json();
    const viewer = (await api('POST', '/api/v1/api-keys', { name: 'BI', role: 'viewer' })).json()
      .secret as string;
    expect((await api('GET', `/api/v1/surveys/${survey.id}`, undefined, viewer)).statusCode).toBe(
      200,
    );
    expect(
      (await api('POST', '/api/v1/surveys', { name: 'x', metric: 'nps' }, viewer)).statusCode,
    ).toBe(403);
    expect(
      (await api('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'closed' }, viewer)).statusCode,
    ).toBe(403);
    expect(
      (
        await api(
          'POST',
          `/api/v1/surveys/${survey.id}/invites`,
          { contactIds: [await contact('Иван')] },
          viewer,
        )
      ).statusCode,
    ).toBe(403);
    // The personal links answer as the client: a viewer may not list them (issue 19).
    await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: [await contact('Ольга')],
    });
    const links = await api('GET', `/api/v1/surveys/${survey.id}/invites`, undefined, viewer);
    expect(links.statusCode).toBe(403);
    expect(links.body).not.toContain('/s/');
  });

  it('creates one unguessable personal link per contact and lists them, answered or not', async () => {
    await setup();
    const survey = (await api('POST', '/api/v1/surveys', { name: 'NPS', metric: 'nps' })).json();
    const ivan = await contact('Иван', 'ivan@example.ru');
    const olga = await contact('Ольга');
    const res = await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: [ivan, olga, ivan],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.queued).toBe(0);
    expect(created.items).toHaveLength(2);
    const urls = created.items.map((i: { url: string }) => i.url);
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/cx\.example\.ru\/s\/[A-Za-z0-9_-]{43}$/);
    expect(new Set(urls).size).toBe(2);
    expect(created.items.find((i: { contactId: string }) => i.contactId === ivan)).toMatchObject({
      contactName: 'Иван',
      contactEmail: 'ivan@example.ru',
      answeredAt: null,
      feedbackId: null,
    });

    const listed = (await api('GET', `/api/v1/surveys/${survey.id}/invites`)).json();
    expect(listed.items.map((i: { id: string }) => i.id).sort()).toEqual(
      created.items.map((i: { id: string }) => i.id).sort(),
    );
  });

  it('writes no invitation when one contact is unknown, and none for a closed survey', async () => {
    await setup();
    const survey = (await api('POST', '/api/v1/surveys', { name: 'NPS', metric: 'nps' })).json();
    const ivan = await contact('Иван', 'ivan@example.ru');
    const unknown = await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: [ivan, '01a206ea-dd6a-7001-8c1b-5f588a061bc6'],
      send: true,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().invalidParams).toEqual([
      { name: 'body.contactIds.1', reason: 'no such contact' },
    ]);
    expect(
      (await api('POST', `/api/v1/surveys/${survey.id}/invites`, { contactIds: [] })).statusCode,
    ).toBe(400);
    expect(
      (
        await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
          contactIds: Array.from({ length: 501 }, () => ivan),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/api/v1/surveys/${survey.id}/invites`, { contactIds: ['not-a-uuid'] }))
        .statusCode,
    ).toBe(400);

    await api('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'closed' });
    const closed = await api('POST', `/api/v1/surveys/${survey.id}/invites`, {
      contactIds: [ivan],
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('conflict');
    expect(await t.deps.db.selectFrom('survey_invites').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('messages').selectAll().execute()).toEqual([]);
  });

  it('draws the open link as an SVG QR code', async () => {
    await setup();
    const survey = (await api('POST', '/api/v1/surveys', { name: 'NPS', metric: 'nps' })).json();
    const res = await api('GET', `/api/v1/surveys/${survey.id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(res.body).toContain('<path');
    const other = (await api('POST', '/api/v1/surveys', { name: 'CSAT', metric: 'csat' })).json();
    expect((await api('GET', `/api/v1/surveys/${other.id}/qr.svg`)).body).not.toBe(res.body);
    expect(
      (await api('GET', '/api/v1/surveys/01a206ea-dd6a-7001-8c1b-5f588a061bc6/qr.svg')).statusCode,
    ).toBe(404);
  });
});
