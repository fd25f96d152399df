// The daily care digest: each manager of clients (role manager or admin) gets, once per local
// day, an e-mail in their language listing the reminders about the clients they manage. The
// schedule runs hourly; the dedupe key digest:<userId>:<local date> makes it once a day, and
// nothing is sent before DIGEST_HOUR local time so it arrives with the working day.
import { z } from 'zod';
import { systemCtx, type Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import { t } from '../../i18n/catalogue.ts';
import { publicUrl, type PublicUrlConfig } from '../../lib/public-urls.ts';
import type { ReminderOut } from '../../../shared/api/care.ts';
import { queueMessage } from '../messaging/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import { reminders } from './care.reads.ts';
import { localDay } from './occurrence.ts';
import { managersOfClients } from './reminders.repo.ts';

export const DIGEST_JOB = 'care.digest';
const DIGEST_TIME_ZONE = 'Europe/Moscow';
const DIGEST_HOUR = 8;
const DIGEST_DAYS = 14;

function lineOf(item: ReminderOut, language: 'ru' | 'en', config: PublicUrlConfig): string {
  const when = item.kind === 'upcoming_date' && item.at ? ` (${item.at})` : '';
  return `• ${t(language, `mail.digestKinds.${item.kind}`)}: ${item.title}${when} — ${item.clientName}\n  ${publicUrl(config, item.link)}`;
}

function localHour(now: Date, timeZone: string): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** Queues today's digests; returns how many were queued (already-sent ones are skipped by dedupe). */
export async function sendDigests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  if (localHour(now, DIGEST_TIME_ZONE) < DIGEST_HOUR) return 0;
  const today = localDay(now, DIGEST_TIME_ZONE);
  let queued = 0;
  for (const { orgId, managerId, clientIds } of await managersOfClients(deps.db)) {
    const user = await findOrgUser({ db: deps.db, orgId }, managerId);
    if (!user || user.disabled_at || (user.role !== 'manager' && user.role !== 'admin')) continue;
    const ctx = systemCtx(deps, orgId);
    const mine = new Set(clientIds);
    const items = (
      await reminders(ctx, {
        days: DIGEST_DAYS,
        silentDays: 60,
        timeZone: DIGEST_TIME_ZONE,
        lang: user.language,
      })
    ).filter((i) => mine.has(i.clientId));
    if (items.length === 0) continue;
    const id = await deps.db.transaction().execute((trx) =>
      queueMessage(
        { ...ctx, db: trx },
        {
          kind: 'digest',
          to: user.email,
          language: user.language,
          dedupeKey: `digest:${user.id}:${today}`,
          vars: {
            name: user.name,
            items: items.map((i) => lineOf(i, user.language, deps.config)).join('\n'),
          },
        },
      ),
    );
    if (id) queued += 1;
  }
  return queued;
}

export function careJobs(deps: Deps) {
  return [
    defineJob({
      name: DIGEST_JOB,
      payload: z.object({}),
      handler: async (job) => {
        const queued = await sendDigests(deps);
        if (queued) job.log.info({ queued }, 'care digests queued');
      },
    }),
  ];
}
