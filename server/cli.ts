// The `clientloop` command: org create, user create, backup, restore, migrate.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { backupDatabase, BackupError, restoreDatabase } from './db/backup.ts';
import { createDb } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AppError } from './http/errors.ts';
import { systemClock } from './lib/clock.ts';
import { hashPassword } from './lib/crypto.ts';
import { newId } from './lib/ids.ts';
import { createOrganisation } from './modules/orgs/index.ts';
import type { Role } from './db/types.ts';
import { ROLES } from '../shared/domain/vocabulary.ts';

const USAGE = `Usage: clientloop <command>
  org create --name N [--language ru|en] [--admin-email E --admin-password P [--admin-name N]] [--api-key K | --new-api-key]
  user create --org ORG_ID --email E --password P [--name N] [--role admin|manager|analyst|viewer] [--language ru|en]
  backup FILE            consistent online backup of DATABASE_URL
  restore FILE [--force] restore into an empty database (stop the server first)
  migrate                apply pending migrations
Environment: DATABASE_URL (default sqlite:./data/clientloop.db).`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const handle = createDb(loadConfig().db.url);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function orgCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      language: { type: 'string', default: 'ru' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-name': { type: 'string', default: 'Administrator' },
      'api-key': { type: 'string' },
      'new-api-key': { type: 'boolean', default: false },
    },
  });
  if (!values.name) return usage('--name is required');
  if (values.language !== 'ru' && values.language !== 'en')
    return usage('--language must be ru or en');
  if (Boolean(values['admin-email']) !== Boolean(values['admin-password']))
    return usage('--admin-email and --admin-password go together');
  if (values['admin-password'] && values['admin-password'].length < 8)
    return usage('--admin-password must be at least 8 characters');
  if (values['api-key'] && values['api-key'].length < 16)
    return usage('--api-key must be at least 16 characters');
  const wantsKey = Boolean(values['api-key']) || values['new-api-key'];
  const created = await withDb((h) =>
    h.db.transaction().execute((trx) =>
      createOrganisation(trx, systemClock, {
        name: values.name!,
        language: values.language as 'ru' | 'en',
        ...(values['admin-email']
          ? {
              admin: {
                email: values['admin-email'],
                name: values['admin-name']!,
                password: values['admin-password']!,
              },
            }
          : {}),
        ...(wantsKey ? { apiKey: { secret: values['api-key'], name: 'CLI key' } } : {}),
      }),
    ),
  );
  out(created.orgId);
  if (values['new-api-key'] && created.apiKey) out(created.apiKey.secret);
  return 0;
}

async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'viewer' },
      language: { type: 'string', default: 'ru' },
    },
  });
  if (!values.org || !values.email || !values.password)
    return usage('--org, --email and --password are required');
  if (!(ROLES as readonly string[]).includes(values.role!))
    return usage('--role must be admin, manager, analyst or viewer');
  if (values.language !== 'ru' && values.language !== 'en')
    return usage('--language must be ru or en');
  if (values.password.length < 8) return usage('--password must be at least 8 characters');
  const email = values.email.toLowerCase();
  const id = await withDb(async (h) => {
    const org = await h.db
      .selectFrom('orgs')
      .select('id')
      .where('id', '=', values.org!)
      .executeTakeFirst()
      .catch(() => undefined);
    if (!org) throw new AppError('not_found', `no organisation ${values.org}`);
    if (await h.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())
      throw new AppError('email_taken', `${email} is taken`);
    const now = systemClock.now();
    const userId = newId(now.getTime());
    await h.db
      .insertInto('users')
      .values({
        id: userId,
        org_id: values.org!,
        email,
        name: values.name ?? email,
        password_hash: await hashPassword(values.password!),
        role: values.role as Role,
        language: values.language as 'ru' | 'en',
        disabled_at: null,
        last_login_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    return userId;
  });
  out(id);
  return 0;
}

function usage(problem?: string): number {
  if (problem) err(`clientloop: ${problem}`);
  err(USAGE);
  return 2;
}

export async function runCli(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  try {
    if (cmd === 'org' && sub === 'create') return await orgCreate(rest);
    if (cmd === 'user' && sub === 'create') return await userCreate(rest);
    if (cmd === 'migrate') {
      const handle = createDb(loadConfig().db.url);
      try {
        const applied = await migrateToLatest(handle.db);
        out(applied.length ? `applied: ${applied.join(', ')}` : 'migrations up to date');
      } finally {
        await handle.close();
      }
      return 0;
    }
    if (cmd === 'backup' || cmd === 'restore') {
      const { values, positionals } = parseArgs({
        args: argv.slice(1),
        options: { force: { type: 'boolean', default: false } },
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file) return usage(`${cmd} needs a FILE`);
      const url = loadConfig().db.url;
      if (cmd === 'backup') await backupDatabase(url, file);
      else await restoreDatabase(url, file, { force: values.force });
      out(`${cmd} done: ${file}`);
      return 0;
    }
    return usage(cmd ? `unknown command: ${[cmd, sub].filter(Boolean).join(' ')}` : undefined);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof BackupError || e instanceof AppError) {
      err(`clientloop: ${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      return usage(e.message);
    throw e;
  }
}

const isEntry = process.argv[1]?.endsWith('server/cli.ts');
if (isEntry) runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
