// Secrets at rest (issue 19), both dialects: what one key seals only the keys listed open, bound
// to its purpose; rotation (a new key first, the old still listed) opens old values and the start
// seals them again with the new key, after which the old key may go; a value whose key is not
// listed stops the start; production without SECRETS_KEYS is warned about.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../tests/support/db.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from './logger.ts';
import { loadSecretKeys } from './secret-box-start.ts';
import { open, seal, sealedKeyId, secretKeys } from './secret-box.ts';

const K1 = 'k1-0123456789abcdef0123456789abcdef';
const K2 = 'k2-0123456789abcdef0123456789abcdef';
const AT = '2026-12-05T10:00:00.000Z';
const ORG = '01950000-0000-7000-8000-000000000001';
const HOOK = '01950000-0000-7000-8000-0000000000c1';

describe.each(testDialects())('secret box on %s', (dialect) => {
  let t: TestDb;
  afterEach(async () => t?.drop());
  const deps = (env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (s: string) => lines.push(s) });
    const config = loadConfig({ DATABASE_URL: t.url, NODE_ENV: 'test', ...env });
    return { config, db: t.db, log, lines };
  };
  const storedHook = async () =>
    (await t.db.selectFrom('webhooks').select('secret_enc').executeTakeFirstOrThrow()).secret_enc;

  it('rotates: old values open once the new key is listed first, the start seals them again, then the old key may go', async () => {
    t = await createTestDb(dialect);
    const before = deps(); // the stored instance key (migration 0042)
    const sealed = await seal(before, 'webhook_secret', 'whsec_plain');
    expect(sealed).not.toContain('whsec_plain');
    expect(await open(before, 'webhook_secret', sealed)).toBe('whsec_plain');
    // Bound to its purpose: the same value does not open as a TOTP secret.
    await expect(open(before, 'totp_secret', sealed)).rejects.toThrow();
    await t.db
      .insertInto('orgs')
      .values({ id: ORG, name: 'Org', default_language: 'ru', created_at: AT })
      .execute();
    await t.db
      .insertInto('webhooks')
      .values({
        id: HOOK,
        org_id: ORG,
        url: 'https://hooks.example.com/in',
        secret_enc: sealed,
        secret_prefix: 'whsec_plai…',
        events: '[]',
        active: 1,
        allowed_host: null,
        created_at: AT,
        updated_at: AT,
      })
      .execute();

    const rotating = deps({ SECRETS_KEYS: `${K1},stored` });
    expect(await open(rotating, 'webhook_secret', sealed)).toBe('whsec_plain');
    const newId = (await secretKeys(rotating))[0]!.id;
    expect(sealedKeyId(sealed)).not.toBe(newId);
    expect(await loadSecretKeys(rotating)).toEqual({ resealed: 1 });
    const resealed = await storedHook();
    expect(sealedKeyId(resealed)).toBe(newId);
    expect(await loadSecretKeys(rotating)).toEqual({ resealed: 0 });

    const rotated = deps({ SECRETS_KEYS: K1 });
    expect(await loadSecretKeys(rotated)).toEqual({ resealed: 0 });
    expect(await open(rotated, 'webhook_secret', resealed)).toBe('whsec_plain');
    // The stored key is no longer listed: what only it sealed does not open.
    await expect(open(rotated, 'webhook_secret', sealed)).rejects.toThrow(/not in SECRETS_KEYS/);

    // A start without the key that sealed a stored value refuses, naming the column.
    await expect(loadSecretKeys(deps({ SECRETS_KEYS: K2 }))).rejects.toThrow(
      /webhooks\.secret_enc .* add that key back/,
    );
    expect(await storedHook()).toBe(resealed);
  });

  it('warns in production when the key lives only in the database', async () => {
    t = await createTestDb(dialect);
    const prod = deps({ NODE_ENV: 'production' });
    await loadSecretKeys(prod);
    expect(prod.lines.join('')).toContain('SECRETS_KEYS is not set');
    const keyed = deps({ NODE_ENV: 'production', SECRETS_KEYS: K1 });
    await loadSecretKeys(keyed);
    expect(keyed.lines.join('')).not.toContain('SECRETS_KEYS is not set');
  });
});
