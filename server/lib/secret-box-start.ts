// At start (after the migrations): read the keys that seal secrets at rest, warn when production
// keeps them only in the database, refuse to start when a sealed value's key is not listed, and
// seal again with the first key whatever an older key sealed (so that key can then be removed).
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DbOrTrx } from '../db/types.ts';
import type { Logger } from 'pino';
import { openWith, sealedKeyId, sealWith, secretKeys, type SecretPurpose } from './secret-box.ts';

/** Every sealed column: table, its id column, the column, the purpose bound to it. */
export const SEALED_COLUMNS: ReadonlyArray<{
  table: 'webhooks' | 'users' | 'survey_invites';
  column: 'secret_enc' | 'totp_secret_enc' | 'token_enc';
  purpose: SecretPurpose;
}> = [
  { table: 'webhooks', column: 'secret_enc', purpose: 'webhook_secret' },
  { table: 'users', column: 'totp_secret_enc', purpose: 'totp_secret' },
  { table: 'survey_invites', column: 'token_enc', purpose: 'survey_invite' },
];

const BATCH = 500;

export async function loadSecretKeys(deps: {
  config: Config;
  db: DbOrTrx;
  log: Logger;
}): Promise<{ resealed: number }> {
  const keys = await secretKeys(deps);
  if (deps.config.env === 'production' && deps.config.security.secretsKeys.length === 0)
    deps.log.warn(
      'SECRETS_KEYS is not set: webhook and TOTP secrets and personal survey links are encrypted ' +
        'with the key stored in the database, so a copy of the database opens them. Set ' +
        'SECRETS_KEYS=<new key>,stored and keep the key out of database backups (docs/SECURITY.md).',
    );
  const first = keys[0]!.id;
  const known = new Set(keys.map((k) => k.id));
  let resealed = 0;
  for (const { table, column, purpose } of SEALED_COLUMNS) {
    // Only values another key sealed; the scan stays in the database.
    for (let after: string | undefined; ;) {
      const rows = await sql<{ id: string; value: string }>`
        select id, ${sql.ref(column)} as value from ${sql.table(table)}
        where ${sql.ref(column)} is not null and substr(${sql.ref(column)}, 1, 12) <> ${`s2.${first}.`}
          ${after === undefined ? sql`` : sql`and id > ${after}`}
        order by id limit ${BATCH}`.execute(deps.db);
      for (const row of rows.rows) {
        const id = sealedKeyId(row.value);
        if (!id || !known.has(id))
          throw new Error(
            `${table}.${column} of ${row.id} was sealed with key ${id ?? '(none)'}, which ` +
              'SECRETS_KEYS does not list: add that key back (docs/SECURITY.md, rotation)',
          );
        const value = sealWith(keys, purpose, openWith(keys, purpose, row.value));
        // Only if no other process changed it meanwhile.
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value}
          where id = ${row.id} and ${sql.ref(column)} = ${row.value}`.execute(deps.db);
        resealed += 1;
      }
      if (rows.rows.length < BATCH) break;
      after = String(rows.rows.at(-1)!.id);
    }
  }
  if (resealed) deps.log.info({ resealed }, 'secrets sealed again with the first key');
  return { resealed };
}
