// The early-tenure pulse (SPEC C11, seed 001: 22 % of new hires leave within 45 days): once an
// employee has worked EARLY_TENURE_FROM_DAY days and while still in the first EARLY_TENURE_DAYS
// (by hire_date, in the organisation's calendar), they get one anonymous eNPS invitation from the
// organisation's early-tenure pulse, created on first need. Once per employee: the invitation is
// unique per pulse and employee. The schedule runs hourly; each round only invites who is new.
import { z } from 'zod';
import { systemCtx, type Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import type { PulsesTable } from '../../db/types.ts';
import { defineJob } from '../../jobs/queue.ts';
import { newId } from '../../lib/ids.ts';
import { activeEmployeesOf, orgsWithHiresBetween } from '../employees/index.ts';
import { orgOf, orgTimeZone } from '../orgs/index.ts';
import { addDays, localDay } from './local-day.ts';
import * as repo from './pulse.repo.ts';
import { inviteEmployees } from './pulse.service.ts';

export const EARLY_TENURE_JOB = 'pulse.early_tenure';
/** Days worked before the invitation: a first impression, not the first morning. */
export const EARLY_TENURE_FROM_DAY = 14;
/** The early-tenure window: the first 45 days (seed 001). */
export const EARLY_TENURE_DAYS = 45;

async function earlyPulseOf(tx: Ctx): Promise<PulsesTable> {
  const found = await repo.findEarlyTenurePulse(tx.db, tx.orgId);
  if (found) return found;
  const org = await orgOf(tx);
  const now = tx.clock.now().toISOString();
  const row: PulsesTable = {
    id: newId(tx.clock.now().getTime()),
    org_id: tx.orgId,
    kind: 'early_tenure',
    name: org.default_language === 'en' ? 'Early tenure (first 45 days)' : 'Первые 45 дней',
    stages: null,
    language: org.default_language,
    status: 'open',
    created_at: now,
    updated_at: now,
  };
  await repo.insertPulse(tx.db, row);
  return row;
}

/** Invites every employee now in the window who has no invitation yet; returns how many. */
export async function sendEarlyTenurePulses(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const utcToday = now.toISOString().slice(0, 10);
  // One day of slack either side: the organisations' own calendars decide below.
  const candidates = await orgsWithHiresBetween(
    deps,
    addDays(utcToday, -EARLY_TENURE_DAYS - 1),
    addDays(utcToday, -EARLY_TENURE_FROM_DAY + 1),
  );
  let queued = 0;
  for (const orgId of candidates) {
    const today = localDay(now, await orgTimeZone({ db: deps.db, orgId }));
    queued += await deps.db.transaction().execute(async (trx) => {
      const tx = systemCtx(deps, orgId, trx);
      const people = await activeEmployeesOf(tx, {
        hiredFrom: addDays(today, -(EARLY_TENURE_DAYS - 1)),
        hiredTo: addDays(today, -EARLY_TENURE_FROM_DAY),
      });
      if (people.every((p) => !p.email)) return 0;
      const pulse = await earlyPulseOf(tx);
      return pulse.status === 'open' ? inviteEmployees(tx, pulse, people) : 0;
    });
  }
  return queued;
}

export function pulseJobs(deps: Deps) {
  return [
    defineJob({
      name: EARLY_TENURE_JOB,
      payload: z.object({}),
      handler: async (job) => {
        const queued = await sendEarlyTenurePulses(deps);
        if (queued) job.log.info({ queued }, 'early-tenure pulses queued');
      },
    }),
  ];
}
