// Status-page links (issue 19): ≥ 96 bits in the link, old bare references keep working, and the
// key can be rotated with STATUS_LINK_KEYS (the new key signs, the old one still opens).
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../tests/support/app.ts';
import { testDialects } from '../../tests/support/db.ts';
import { loadConfig } from '../config.ts';
import { loadStatusLinkKeys, parseStatusLink, statusLinkOf } from './status-link.ts';

const NEW_KEY = 'n'.repeat(20) + '-rotated-2026-12';

describe.each(testDialects())('status links on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('carry a 100-bit tag; the bare reference of a new record opens nothing', async () => {
    t = await createTestApp({ dialect, env: { PUBLIC_URL: 'https://cx.example.ru' } });
    const org = await createTestOrg(t.deps);
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Курьер опоздал' },
    });
    const { publicRef, statusUrl } = res.json() as { publicRef: string; statusUrl: string };
    // 10 characters of reference (50 bits) and 20 of tag (100 bits), from a 32-letter alphabet.
    expect(statusUrl).toMatch(
      new RegExp(`^https://cx\\.example\\.ru/status/${publicRef}-[A-HJ-NP-Z2-9]{20}$`),
    );
    const path = new URL(statusUrl).pathname;
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).statusCode;
    expect(await get(path)).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).body).toContain(
      `<strong>${publicRef}</strong>`,
    );
    expect(await get(`/status/${publicRef}`)).toBe(404);
    const tag = path.slice(-20);
    const wrong = `${path.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`;
    expect(await get(wrong)).toBe(404);
    // The rating page opens through the same link: the case is not resolved yet (409, not 404).
    expect(await get(`${path}/rate`)).toBe(409);
    expect(await get(`/status/${publicRef}/rate`)).toBe(404);
  });

  it('rotates: the new key signs, links of the stored key keep opening until it is dropped', async () => {
    t = await createTestApp({ dialect });
    const ref = 'CL-7K3M9QX2TB';
    const before = statusLinkOf(t.deps.config, ref);

    const rotating = loadConfig({
      DATABASE_URL: t.testDb.url,
      STATUS_LINK_KEYS: `${NEW_KEY},stored`,
    });
    await loadStatusLinkKeys({ config: rotating, db: t.deps.db });
    const after = statusLinkOf(rotating, ref);
    expect(after).not.toBe(before);
    expect(parseStatusLink(rotating, after)).toEqual({ ref, legacy: false });
    expect(parseStatusLink(rotating, before)).toEqual({ ref, legacy: false });

    const rotated = loadConfig({ DATABASE_URL: t.testDb.url, STATUS_LINK_KEYS: NEW_KEY });
    await loadStatusLinkKeys({ config: rotated, db: t.deps.db });
    expect(parseStatusLink(rotated, after)).toEqual({ ref, legacy: false });
    expect(parseStatusLink(rotated, before)).toBeUndefined();
    // A bare reference is only a candidate: the page opens it when it is in legacy_status_refs.
    expect(parseStatusLink(rotated, ref)).toEqual({ ref, legacy: true });
    expect(() => loadConfig({ STATUS_LINK_KEYS: 'short' })).toThrow(/STATUS_LINK_KEYS/);
  });
});
