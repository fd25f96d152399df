// The demo's SLA policies and how its cases were worked (issue 21: most open cases were overdue by
// months). Two policies: the default one in Moscow business hours (first answer in 4 working
// hours, resolved in 5 working days, Russian public holidays off) and a round-the-clock one for
// high priority (1 h / 24 h). Cases are worked by their owners, so first responses are recorded:
// a case whose due time has passed was resolved — mostly before it, some late — except the few
// most recently due, which stay open and overdue; a case still within its time is open, half of
// them in progress. The at-risk cases come from records placed so their due time is hours away.
import { ctxFor, type Ctx } from '../../server/context.ts';
import type { Deps } from '../../server/deps.ts';
import type { fixedClock } from '../../server/lib/clock.ts';
import { updateCase } from '../../server/modules/cases/cases.service.ts';
import { createPolicy } from '../../server/modules/cases/sla-policies.ts';
import { RESOLUTION_CODES, RESOLUTIONS } from './data.ts';

const HOUR = 3_600_000;
const WEEKDAYS = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as const;
/** Cases left open after their due time: a few, so the overdue view has something true. */
export const OVERDUE_LEFT_OPEN = 2;
/** Hours before the load at which the at-risk records arrive (24 h policy: 1–3 h left). */
export const AT_RISK_AGES_HOURS = [21, 22.5];

export async function loadSlaPoliciesDemo(ctx: Ctx, now: Date): Promise<number> {
  const year = now.getUTCFullYear();
  const holidays = [year - 1, year].flatMap((y) =>
    ['01-01', '01-02', '01-05', '01-06', '01-07', '01-08', '02-23', '03-09', '05-01']
      .concat(['05-11', '06-12', '11-04'])
      .map((d) => `${y}-${d}`),
  );
  await createPolicy(ctx, {
    name: 'Стандарт: 4 рабочих часа на ответ, 5 рабочих дней на решение',
    firstResponseMinutes: 4 * 60,
    resolutionMinutes: 5 * 9 * 60,
    timeZone: 'Europe/Moscow',
    businessHours: Object.fromEntries(
      Object.keys(WEEKDAYS).map((d) => [d, [['09:00', '18:00']] as Array<[string, string]>]),
    ),
    holidays,
    isDefault: true,
  });
  await createPolicy(ctx, {
    name: 'Высокий приоритет: круглосуточно, 1 ч на ответ, 24 ч на решение',
    priority: 'high',
    firstResponseMinutes: 60,
    resolutionMinutes: 24 * 60,
    timeZone: 'Europe/Moscow',
    businessHours: null,
  });
  return 2;
}

export interface WorkedCases {
  resolved: number;
  resolvedLate: number;
  open: number;
  overdue: number;
  onTimeOpen: string[];
}

export async function workDemoCases(
  deps: Deps,
  orgId: string,
  clock: ReturnType<typeof fixedClock>,
  rand: () => number,
  now: number,
): Promise<WorkedCases> {
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'created_at', 'due_at', 'owner_id'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .execute();
  const dueOf = (c: (typeof cases)[number]) => Date.parse(c.due_at!);
  const pastDue = cases.filter((c) => dueOf(c) <= now).sort((a, b) => dueOf(a) - dueOf(b));
  const leftOverdue = new Set(pastDue.slice(-OVERDUE_LEFT_OPEN).map((c) => c.id));
  const out: WorkedCases = { resolved: 0, resolvedLate: 0, open: 0, overdue: 0, onTimeOpen: [] };
  for (const c of cases) {
    const ctx = ctxFor(deps, { type: 'user', id: c.owner_id, orgId, role: 'manager' });
    const opened = Date.parse(c.created_at);
    const due = dueOf(c);
    const at = (ms: number) => clock.set(new Date(Math.min(ms, now - 60_000)));
    if (due <= now && !leftOverdue.has(c.id)) {
      // One in ten is resolved late, up to two days after its due time (never after the load).
      const late = rand() < 0.1;
      const resolvedAt = late
        ? due + HOUR * (1 + Math.floor(rand() * 47))
        : opened + (due - opened) * (0.2 + rand() * 0.75);
      at(opened + (resolvedAt - opened) * (0.1 + rand() * 0.3));
      await updateCase(ctx, c.id, {
        status: 'in_progress',
        note: 'Связались с клиентом, уточняем детали.',
      });
      at(resolvedAt);
      const which = Math.floor(rand() * RESOLUTIONS.length);
      await updateCase(ctx, c.id, {
        status: 'resolved',
        resolution: RESOLUTIONS[which]!,
        resolutionCode: RESOLUTION_CODES[which],
      });
      out.resolved += 1;
      if (late) out.resolvedLate += 1;
      continue;
    }
    out.open += 1;
    if (due <= now) out.overdue += 1;
    else if (due - now > 4 * HOUR) out.onTimeOpen.push(c.id);
    if (rand() < 0.5 || due - now <= 4 * HOUR) {
      at(opened + Math.min(due - opened, 4 * HOUR) * (0.2 + rand() * 0.6));
      await updateCase(ctx, c.id, {
        status: 'in_progress',
        note: 'Связались с клиентом, уточняем детали.',
      });
    }
  }
  clock.set(new Date(now));
  return out;
}
