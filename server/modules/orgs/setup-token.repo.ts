// SQL of the one-time set-up token: one row of instance_settings (key 'setup_token').
import type { DbOrTrx } from '../../db/types.ts';

export async function instanceSetting(db: DbOrTrx, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

export async function deleteInstanceSetting(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('instance_settings').where('key', '=', key).execute();
}
