// Issue 19, the last Low finding: secrets at rest. A new instance key 'secrets_key' seals (AES-256-
// GCM, server/lib/secret-box.ts; the format is written here again, since a migration must not
// change when live code does) what must be used again: webhook signing secrets (webhooks.secret →
// secret_enc, plus secret_prefix, the masked start the list shows), TOTP secrets (sealed before
// under 'totp_key', which goes) and personal survey links (survey_invites.token → token_hash, its
// SHA-256 that the public page looks up, plus token_enc for the invitation list). Sent invitation
// mails lose the link from their stored copy. Old links and webhooks keep working.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

const BATCH = 1000;

function keyOf(rawHex: string) {
  const raw = Buffer.from(rawHex, 'hex');
  return {
    id: createHash('sha256')
      .update('clientloop secrets key id\0')
      .update(raw)
      .digest('hex')
      .slice(0, 8),
    aes: createHmac('sha256', raw).update('clientloop secrets enc v2').digest(),
  };
}
type Key = ReturnType<typeof keyOf>;

function seal(key: Key, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.aes, iv).setAAD(Buffer.from(purpose));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['s2', key.id, ...[iv, ct, cipher.getAuthTag()].map((b) => b.toString('base64url'))].join(
    '.',
  );
}

function unseal(key: Key, purpose: string, sealed: string): string {
  const [, , iv, ct, tag] = sealed.split('.');
  const d = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(iv!, 'base64url'));
  d.setAAD(Buffer.from(purpose)).setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct!, 'base64url')), d.final()]).toString('utf8');
}

// The TOTP format of migration 0024 (`v1.<iv>.<ct>.<tag>` under HMAC(totp_key, label)).
function totpV1Key(hex: string): Buffer {
  return createHmac('sha256', Buffer.from(hex, 'hex')).update('clientloop totp enc').digest();
}
function openV1(hex: string, stored: string): string {
  const [, iv, ct, tag] = stored.split('.');
  const d = createDecipheriv('aes-256-gcm', totpV1Key(hex), Buffer.from(iv!, 'base64url'));
  d.setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct!, 'base64url')), d.final()]).toString('utf8');
}
function sealV1(hex: string, plaintext: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', totpV1Key(hex), iv);
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return ['v1', iv, ct, c.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// The links of sent invitation mails (server/modules/messaging/secret-links.ts).
const LINKS: Record<string, RegExp> = {
  survey_invite: /(\/s\/)(?!o\/)[A-Za-z0-9_-]{20,}/g,
  pulse_invite: /(\/p\/)(?!t\/)[A-Za-z0-9_-]{20,}/g,
};
const LINK_REMOVED = '(link removed after sending)';

/** Rewrites one column row by row, in batches by id; `f` returns the new values. */
async function rewrite(
  db: Kysely<any>,
  table: string,
  columns: string[],
  where: ReturnType<typeof sql> | undefined,
  f: (row: Record<string, string>) => Record<string, string | null>,
): Promise<void> {
  for (let after: string | undefined; ;) {
    const { rows } = await sql<Record<string, string>>`
      select ${sql.join([sql.ref('id'), ...columns.map((c) => sql.ref(c))])} from ${sql.table(table)}
      where 1 = 1 ${where ? sql`and ${where}` : sql``}
        ${after === undefined ? sql`` : sql`and id > ${after}`}
      order by id limit ${BATCH}`.execute(db);
    for (const row of rows) {
      const set = Object.entries(f(row)).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
      await sql`update ${sql.table(table)} set ${sql.join(set)} where id = ${row.id}`.execute(db);
    }
    if (rows.length < BATCH) return;
    after = String(rows.at(-1)!.id);
  }
}

/** SQLite runs a migration outside a transaction: the row loops get one (PostgreSQL has it). */
async function inTransaction(db: Kysely<any>, f: (db: Kysely<any>) => Promise<void>) {
  if (db.isTransaction) return f(db);
  return db.transaction().execute(f);
}

async function setting(db: Kysely<any>, key: string): Promise<string | undefined> {
  const { rows } = await sql<{
    value: string;
  }>`select value from instance_settings where key = ${key}`.execute(db);
  return rows[0]?.value;
}

export async function up(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  const raw = randomBytes(32).toString('hex');
  const key = keyOf(raw);
  await db.schema.alterTable('webhooks').renameColumn('secret', 'secret_enc').execute();
  await db.schema
    .alterTable('webhooks')
    .addColumn('secret_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('survey_invites').renameColumn('token', 'token_hash').execute();
  await db.schema.alterTable('survey_invites').addColumn('token_enc', 'text').execute();
  await inTransaction(db, async (db) => {
    await sql`insert into instance_settings (key, value, updated_at)
      values ('secrets_key', ${raw}, ${at})`.execute(db);
    await rewrite(db, 'webhooks', ['secret_enc'], undefined, (r) => ({
      secret_enc: seal(key, 'webhook_secret', r.secret_enc!),
      secret_prefix: `${r.secret_enc!.slice(0, 'whsec_'.length + 4)}…`,
    }));
    const totpKey = await setting(db, 'totp_key');
    await rewrite(db, 'users', ['totp_secret_enc'], sql`totp_secret_enc is not null`, (r) => ({
      totp_secret_enc: seal(key, 'totp_secret', openV1(totpKey!, r.totp_secret_enc!)),
    }));
    await sql`delete from instance_settings where key = 'totp_key'`.execute(db);
    await rewrite(db, 'survey_invites', ['token_hash'], undefined, (r) => ({
      token_hash: sha256(r.token_hash!),
      token_enc: seal(key, 'survey_invite', r.token_hash!),
    }));
    await rewrite(
      db,
      'messages',
      ['kind', 'body_text'],
      sql`status = 'sent' and (kind = 'survey_invite' or kind = 'pulse_invite')`,
      (r) => ({ body_text: r.body_text!.replace(LINKS[r.kind!]!, `$1${LINK_REMOVED}`) }),
    );
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  const key = keyOf((await setting(db, 'secrets_key'))!);
  const totpKey = randomBytes(32).toString('hex');
  await inTransaction(db, async (db) => {
    await rewrite(db, 'webhooks', ['secret_enc'], undefined, (r) => ({
      secret_enc: unseal(key, 'webhook_secret', r.secret_enc!),
    }));
    await rewrite(db, 'users', ['totp_secret_enc'], sql`totp_secret_enc is not null`, (r) => ({
      totp_secret_enc: sealV1(totpKey, unseal(key, 'totp_secret', r.totp_secret_enc!)),
    }));
    // An invitation made after 0042 has no plaintext token left but its sealed copy.
    await rewrite(db, 'survey_invites', ['token_enc'], sql`token_enc is not null`, (r) => ({
      token_hash: unseal(key, 'survey_invite', r.token_enc!),
    }));
    await sql`insert into instance_settings (key, value, updated_at)
      values ('totp_key', ${totpKey}, ${new Date().toISOString()})`.execute(db);
    await sql`delete from instance_settings where key = 'secrets_key'`.execute(db);
  });
  await db.schema.alterTable('survey_invites').dropColumn('token_enc').execute();
  await db.schema.alterTable('survey_invites').renameColumn('token_hash', 'token').execute();
  await db.schema.alterTable('webhooks').dropColumn('secret_prefix').execute();
  await db.schema.alterTable('webhooks').renameColumn('secret_enc', 'secret').execute();
}
