// Shared by the survey page tests: an app on one dialect with a real SMTP server, a signed-in
// organisation, and the calls the tests make (API, form posts, surveys, contacts, invitations).
import { afterEach } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import type { Dialect } from '../../db/create-db.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';

export const PUBLIC_URL = 'https://cx.example.ru';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Call inside a describe: registers its own clean-up and returns the helpers. */
export function surveyPageKit(dialect: Dialect) {
  let t: TestApp;
  let org: TestOrg;
  let smtp: TestSmtp | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
    smtp = undefined;
  });

  async function setup(env: Record<string, string> = {}) {
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      env: { PUBLIC_URL, SMTP_URL: smtp.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000', ...env },
    });
    org = await createTestOrg(t.deps, 'Ромашка');
  }
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const pathOf = (url: string) => url.replace(PUBLIC_URL, '');
  const post = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { ...FORM, ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
  const feedback = () => t.deps.db.selectFrom('feedback').selectAll().execute();

  async function survey(metric: 'nps' | 'csat' | 'ces' = 'nps', extra: object = {}) {
    return (
      await api('POST', '/api/v1/surveys', {
        name: 'После доставки',
        metric,
        stage: 'delivery',
        ...extra,
      })
    ).json();
  }
  async function contact(name: string, email?: string, language: 'ru' | 'en' = 'ru') {
    const client = await api('POST', '/api/v1/clients', { name: `ООО ${name}` });
    return (
      await api('POST', `/api/v1/clients/${client.json().id}/contacts`, {
        name,
        language,
        ...(email ? { email } : {}),
      })
    ).json();
  }
  async function invite(surveyId: string, contactId: string, send = false) {
    return (
      await api('POST', `/api/v1/surveys/${surveyId}/invites`, { contactIds: [contactId], send })
    ).json();
  }
  return {
    setup,
    api,
    pathOf,
    post,
    feedback,
    survey,
    contact,
    invite,
    get t() {
      return t;
    },
    get org() {
      return org;
    },
    get smtp() {
      return smtp;
    },
  };
}
