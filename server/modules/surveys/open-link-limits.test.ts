// Open survey links (issue 19): one answer per device per link within the cooldown, a cap per
// address an hour and a cap per link a day; refusals are a 429 page in the visitor's language
// with Retry-After, or problem+json to a client that asks for JSON; nothing is stored then.
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

const PUBLIC_URL = 'https://cx.example.ru';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testDialects())('open survey link limits on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-03-02T09:00:00Z');
  afterEach(async () => {
    await t?.close();
  });

  async function openLink(env: Record<string, string> = {}) {
    clock.set('2026-03-02T09:00:00Z');
    t = await createTestApp({
      dialect,
      clock,
      env: { PUBLIC_URL, RATE_LIMIT_PUBLIC_PER_MINUTE: '1000', ...env },
    });
    org = await createTestOrg(t.deps, 'Ромашка');
    const s = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/surveys',
      payload: { name: 'Стойка', metric: 'nps' },
    });
    return (s.json().openUrl as string).replace(PUBLIC_URL, '');
  }
  /** A visitor: its own cookie jar (the device cookie the page sets) and address. */
  async function visitor(path: string, address: string) {
    const page = await t.app.inject({ method: 'GET', url: path, remoteAddress: address });
    expect(page.statusCode).toBe(200);
    const cookie = [page.headers['set-cookie']].flat().find((c) => c?.startsWith('cl_device='));
    expect(cookie).toMatch(/HttpOnly/i);
    const device = cookie!.split(';')[0]!;
    return (
      fields: Record<string, string> = { score: '9' },
      headers: Record<string, string> = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: address,
        headers: { ...FORM, cookie: device, ...headers },
        payload: new URLSearchParams(fields).toString(),
      });
  }
  const stored = async () => (await t.deps.db.selectFrom('feedback').select('id').execute()).length;

  it('takes one answer per device within the cooldown, then again after it', async () => {
    const path = await openLink({ OPEN_SURVEY_COOLDOWN_SECONDS: '600' });
    const phone = await visitor(path, '203.0.113.5');
    expect((await phone()).statusCode).toBe(200);

    clock.advance(60_000);
    const again = await phone({ score: '10' });
    expect(again.statusCode).toBe(429);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.headers['retry-after']).toBe('540');
    expect(again.body).toContain('С этого устройства только что ответили');
    const json = await phone({ score: '10' }, { accept: 'application/json' });
    expect(json.statusCode).toBe(429);
    expect(json.headers['content-type']).toContain('application/problem+json');
    expect(json.json().code).toBe('rate_limited');
    expect(await stored()).toBe(1);

    // A colleague's phone behind the same address answers; a visitor without a cookie counts by
    // address, so a script that drops cookies gets one answer per address and cooldown.
    const colleague = await visitor(path, '203.0.113.5');
    expect((await colleague()).statusCode).toBe(200);
    const bare = (address: string) =>
      t.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: address,
        headers: FORM,
        payload: 'score=1',
      });
    expect((await bare('198.51.100.7')).statusCode).toBe(200);
    expect((await bare('198.51.100.7')).statusCode).toBe(429);
    expect(await stored()).toBe(3);

    clock.advance(541_000);
    expect((await phone({ score: '10' })).statusCode).toBe(200);
    expect(await stored()).toBe(4);
  });

  it('caps answers per address an hour and per link a day', async () => {
    const path = await openLink({
      OPEN_SURVEY_MAX_PER_ADDRESS_HOUR: '2',
      OPEN_SURVEY_MAX_PER_DAY: '3',
    });
    const office = [];
    for (let i = 0; i < 3; i++) office.push(await visitor(path, '192.0.2.10'));
    expect((await office[0]!()).statusCode).toBe(200);
    expect((await office[1]!()).statusCode).toBe(200);
    const capped = await office[2]!();
    expect(capped.statusCode).toBe(429);
    expect(capped.body).toContain('Из вашей сети пришло слишком много ответов');
    expect(capped.headers['retry-after']).toBe('3600');

    const home = await visitor(path, '192.0.2.99');
    expect((await home()).statusCode).toBe(200);
    const late = await visitor(`${path}?lang=en`, '192.0.2.77');
    const full = await late();
    expect(full.statusCode).toBe(429);
    expect(full.body).toContain('This link has taken all the answers');
    expect(await stored()).toBe(3);

    clock.advance(24 * 3_600_000 + 1000);
    expect((await late()).statusCode).toBe(200);
    expect((await office[2]!()).statusCode).toBe(200);
    expect(await stored()).toBe(5);
  });
});
