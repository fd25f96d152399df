// The demo's improvement backlog (issue 18): initiatives on the demo's journey stages, each
// linked to the stage's unhappy records with text; two done with public notes (one on time, one
// late, so the on-time share reads 50 %), one in progress, one planned, two ideas and one dropped
// — spread over the four quadrants.
import type { Ctx } from '../../server/context.ts';
import type { Clock } from '../../server/lib/clock.ts';
import {
  createInitiative,
  updateInitiative,
} from '../../server/modules/backlog/backlog.service.ts';
import type { InitiativeStatus } from '../../shared/domain/vocabulary.ts';

interface DemoInitiative {
  title: string;
  stage: string;
  value?: number;
  effort: number;
  /** Days from today (negative: in the past). */
  dueIn: number;
  /** The path of statuses it went through; the last one is where it stays. */
  path: InitiativeStatus[];
  /** Days ago it was done (for done ones). */
  doneDaysAgo?: number;
  publicNote?: string;
  records: number;
}

const INITIATIVES: DemoInitiative[] = [
  {
    title: 'Доставка в согласованное двухчасовое окно',
    stage: 'доставка',
    effort: 6,
    dueIn: -40,
    path: ['planned', 'in_progress', 'done'],
    doneDaysAgo: 45,
    publicNote: 'Теперь курьер приезжает в выбранное вами двухчасовое окно и звонит за 30 минут.',
    records: 6,
  },
  {
    title: 'Закрывающие документы через ЭДО',
    stage: 'документы',
    effort: 4,
    dueIn: -30,
    path: ['planned', 'in_progress', 'done'],
    doneDaysAgo: 20,
    publicNote: 'Акты и счета-фактуры приходят через ЭДО в день отгрузки.',
    records: 4,
  },
  {
    title: 'Напоминание об оплате за три дня до срока',
    stage: 'оплата',
    effort: 2,
    dueIn: 14,
    path: ['planned', 'in_progress'],
    records: 3,
  },
  {
    title: 'Единая линия поддержки 24/7',
    stage: 'поддержка',
    value: 8,
    effort: 9,
    dueIn: 90,
    path: ['planned'],
    records: 5,
  },
  {
    title: 'Онлайн-конфигуратор заказа',
    stage: 'заказ',
    value: 4,
    effort: 8,
    dueIn: 180,
    path: [],
    records: 2,
  },
  {
    title: 'Шаблоны ответов в чате поддержки',
    stage: 'поддержка',
    value: 3,
    effort: 2,
    dueIn: 30,
    path: [],
    records: 1,
  },
  {
    title: 'Доставка дронами',
    stage: 'доставка',
    value: 2,
    effort: 10,
    dueIn: 365,
    path: ['dropped'],
    records: 0,
  },
];

const day = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function loadBacklogDemo(
  ctx: Ctx,
  clock: Clock & { set(d: Date): void },
  now: Date,
): Promise<{ initiatives: number; done: number; linked: number }> {
  let linked = 0;
  let done = 0;
  for (const d of INITIATIVES) {
    const unhappy = await ctx.db
      .selectFrom('feedback')
      .select('id')
      .where('org_id', '=', ctx.orgId)
      .where('stage', '=', d.stage)
      .where('score_type', '=', 'nps')
      .where('score_value', '<=', 6)
      .where('text', 'is not', null)
      .orderBy('received_at', 'desc')
      .limit(d.records)
      .execute();
    const feedbackIds = d.records ? unhappy.map((r) => r.id) : [];
    linked += feedbackIds.length;
    clock.set(new Date(now.getTime() - 120 * 86_400_000));
    const created = await createInitiative(ctx, {
      title: d.title,
      stage: d.stage,
      value: d.value ?? null,
      effort: d.effort,
      dueDate: day(now, d.dueIn),
      feedbackIds,
    });
    for (const status of d.path) {
      if (status === 'done') clock.set(new Date(now.getTime() - d.doneDaysAgo! * 86_400_000));
      await updateInitiative(ctx, created.id, {
        status,
        ...(status === 'done' ? { publicNote: d.publicNote ?? null } : {}),
      });
      if (status === 'done') done += 1;
    }
  }
  clock.set(now);
  return { initiatives: INITIATIVES.length, done, linked };
}
