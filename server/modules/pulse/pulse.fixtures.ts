// Shared by the pulse tests: an app on one dialect with a real SMTP server and a fake clock, an
// organisation, employees, pulses, and the personal links read from the real invitation e-mails.
import { afterEach } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import type { Dialect } from '../../db/create-db.ts';
import { fixedClock } from '../../lib/clock.ts';

export const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Call inside a describe: registers its own clean-up and returns the helpers. */
export function pulseKit(dialect: Dialect) {
  const kit = {
    t: undefined as unknown as TestApp,
    org: undefined as unknown as TestOrg,
    smtp: undefined as TestSmtp | undefined,
    clock: fixedClock('2026-03-02T09:00:00Z'),
  };
  afterEach(async () => {
    await kit.t?.close();
    await kit.smtp?.close();
    kit.smtp = undefined;
  });

  async function setup(at = '2026-03-02T09:00:00Z') {
    kit.smtp = await startTestSmtp();
    kit.clock = fixedClock(at);
    kit.t = await createTestApp({
      dialect,
      clock: kit.clock,
      env: { PUBLIC_URL, SMTP_URL: kit.smtp.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' },
    });
    kit.org = await createTestOrg(kit.t.deps, 'Ромашка');
  }
  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    call(kit.t.app, kit.org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const pathOf = (url: string) => url.replace(PUBLIC_URL, '');
  const post = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    kit.t.app.inject({
      method: 'POST',
      url: path,
      headers: { ...FORM, ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    kit.t.app.inject({ method: 'GET', url: path, headers });

  async function employee(name: string, stageKey: string | null, extra: object = {}) {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'e'}${Math.random().toString(36).slice(2, 7)}@example.ru`;
    const res = await api('POST', '/api/v1/employees', {
      name,
      ...(stageKey ? { stageKey } : {}),
      email,
      ...extra,
    });
    if (res.statusCode !== 201) throw new Error(`employee: ${res.body}`);
    return res.json() as { id: string; email: string | null; name: string };
  }

  async function team(stage: string, size: number) {
    const out = [];
    for (let i = 1; i <= size; i += 1) out.push(await employee(`${stage} ${i}`, stage));
    return out;
  }

  async function pulse(body: object = {}) {
    const res = await api('POST', '/api/v1/pulses', { name: 'Пульс марта', ...body });
    if (res.statusCode !== 201) throw new Error(`pulse: ${res.body}`);
    return res.json();
  }

  /** Runs the worker and returns the personal link of each e-mailed employee (address → path). */
  async function mailedLinks(count: number): Promise<Map<string, string>> {
    await testWorker(kit.t.deps).drain();
    const mails = await kit.smtp!.waitFor(count);
    const links = new Map<string, string>();
    for (const m of mails) {
      const to = m.to && !Array.isArray(m.to) ? m.to.text : '';
      const url = /https:\/\/cx\.example\.ru\/p\/[A-Za-z0-9_-]{43}(?=\s)/.exec(m.text ?? '')?.[0];
      if (url) links.set(to, pathOf(url));
    }
    return links;
  }

  return { kit, setup, api, pathOf, post, get, employee, team, pulse, mailedLinks };
}
