// The demo's process KPIs (issue 15): four named series on the five stages, half a year of monthly
// values each (drifting towards their targets, with noise), and stage targets for the case
// metrics, so the operations scorecard shows green, amber and red from the first sign-in.
import type { Ctx } from '../../server/context.ts';
import { putKpi, putKpiValues } from '../../server/modules/scorecard/kpis.service.ts';
import { listStages, putTargets } from '../../server/modules/stages/stages.service.ts';

const KPIS = [
  {
    key: 'delivery.on_time',
    name: 'Доставка вовремя',
    nameEn: 'On-time delivery',
    unit: '%',
    direction: 'up' as const,
    target: 95,
    stages: { доставка: 88 },
  },
  {
    key: 'response.minutes',
    name: 'Время ответа',
    nameEn: 'Response time',
    unit: 'мин',
    direction: 'down' as const,
    target: 30,
    stages: { заказ: 42, поддержка: 35 },
  },
  {
    key: 'documents.errors',
    name: 'Ошибки в документах',
    nameEn: 'Paperwork errors',
    unit: '%',
    direction: 'down' as const,
    target: 2,
    stages: { документы: 3.5 },
  },
  {
    key: 'payment.days',
    name: 'Зачисление оплаты',
    nameEn: 'Payment posting',
    unit: 'дн',
    direction: 'down' as const,
    target: 3,
    stages: { оплата: 4 },
  },
];

/** Targets for the case metrics on every stage, beside the stage's own. */
const CASE_TARGETS = [
  { metric: 'cases.ack_minutes', target: 240, direction: 'down' as const },
  { metric: 'cases.resolve_minutes', target: 1080, direction: 'down' as const },
  { metric: 'cases.sla_breach_share', target: 0.1, direction: 'down' as const },
  { metric: 'cases.reopen_rate', target: 0.1, direction: 'down' as const },
];

const round = (x: number) => Math.round(x * 10) / 10;

/** Six months up to this one; returns how many values were written. */
export async function loadKpisDemo(ctx: Ctx, rand: () => number, now: Date): Promise<number> {
  const months = Array.from({ length: 6 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  let written = 0;
  for (const k of KPIS) {
    await putKpi(ctx, k.key, k);
    const values = Object.entries(k.stages).flatMap(([stage, start]) =>
      months.map((period, i) => {
        // From `start` two thirds of the way to the target, ± 4 % noise.
        const trend = start + ((k.target - start) * (2 / 3) * i) / (months.length - 1);
        return { stage, period, value: round(trend * (0.96 + rand() * 0.08)) };
      }),
    );
    written += (await putKpiValues(ctx, k.key, values)).length;
  }
  for (const { stage, targets } of await listStages(ctx))
    await putTargets(ctx, stage.id, [
      ...targets.map((t) => ({ metric: t.metric, target: t.target, direction: t.direction })),
      ...CASE_TARGETS,
    ]);
  return written;
}
