// The demo's strategy map (issue 18): six goals over the four perspectives, linked cause → effect
// from learning & growth up to the financial goal, with KPIs bound to the demo's live figures —
// revenue and on-time payment (economics), NPS of delivery (metrics), retention of ordering and
// the on-time delivery KPI (scorecard), eNPS of the delivery team (pulse), the share of clients in
// the investment zone (portfolio) — and one manual KPI with two months of entered values.
import type { Ctx } from '../../server/context.ts';
import { addArrow, createGoal } from '../../server/modules/strategy/goals.service.ts';
import { createKpi, putKpiValue, updateKpi } from '../../server/modules/strategy/kpis.service.ts';

type Binding = { metric: string; params: Record<string, string> };
const bound = (name: string, target: number, metric: string, params: Binding['params'] = {}) => ({
  name,
  target,
  direction: 'up' as const,
  binding: { metric, params },
});

export async function loadStrategyDemo(
  ctx: Ctx,
  owners: { orlov: string; kuznetsova: string },
  now: Date,
): Promise<{ goals: number; arrows: number; kpis: number }> {
  const goal = async (
    perspective: 'financial' | 'clients' | 'processes' | 'learning_growth',
    title: string,
    description: string,
    owner: string | null,
  ) => (await createGoal(ctx, { perspective, title, description, ownerId: owner })).id;
  const revenue = await goal(
    'financial',
    'Рост выручки на 15 %',
    'Выручка прошлого месяца на 15 % выше, чем сейчас; оплаты — в срок.',
    null,
  );
  const loyalty = await goal(
    'clients',
    'Лояльность клиентов доставки',
    'NPS этапа «Доставка» не ниже цели этапа; больше клиентов в зоне инвестиций.',
    owners.kuznetsova,
  );
  const retention = await goal(
    'clients',
    'Клиенты возвращаются',
    'Клиенты, оформившие заказ, покупают снова в следующем месяце.',
    owners.orlov,
  );
  const onTime = await goal(
    'processes',
    'Доставка вовремя',
    'Процесс доставки укладывается в обещанные сроки.',
    owners.kuznetsova,
  );
  const team = await goal(
    'learning_growth',
    'Вовлечённая команда доставки',
    'eNPS команды доставки по пульс-опросам.',
    owners.kuznetsova,
  );
  const training = await goal(
    'learning_growth',
    'Менеджеры работают с ЛПР',
    'Каждый менеджер прошёл обучение работе с лицами, принимающими решения.',
    owners.orlov,
  );
  const arrows: [string, string][] = [
    [team, onTime],
    [onTime, loyalty],
    [training, retention],
    [loyalty, revenue],
    [retention, revenue],
  ];
  for (const [cause, effect] of arrows) await addArrow(ctx, cause, effect);

  const kpis = [
    [revenue, { ...bound('Выручка за месяц', 0, 'economics.revenue'), unit: '₽' }],
    [revenue, bound('Оплаты в срок', 0.9, 'economics.onTimeShare')],
    [loyalty, bound('NPS доставки', 35, 'satisfaction.nps', { stage: 'доставка' })],
    [
      loyalty,
      bound('Доля клиентов в зоне инвестиций', 0.2, 'portfolio.cell_share', {
        attractiveness: 'high',
        relationship: 'high',
      }),
    ],
    [
      retention,
      bound('Удержание клиентов заказа', 0.6, 'scorecard.retention', {
        stage: 'заказ',
        window: 'month_before_last',
      }),
    ],
    [
      onTime,
      {
        ...bound('Доставка вовремя', 95, 'scorecard.metric', {
          stage: 'доставка',
          metric: 'kpi:delivery.on_time',
        }),
        unit: '%',
      },
    ],
    [team, bound('eNPS доставки', 20, 'pulse.enps', { stage: 'доставка', window: 'last_quarter' })],
  ] as const;
  for (const [goalId, kpi] of kpis) {
    const created = await createKpi(ctx, goalId, kpi);
    // The revenue goal: 15 % above the last closed month.
    if (kpi.target === 0 && created.current.value !== null)
      await updateKpi(ctx, created.id, { target: Math.round(created.current.value * 1.15) });
  }
  const manual = await createKpi(ctx, training, {
    name: 'Обучено менеджеров',
    unit: '%',
    target: 80,
    direction: 'up',
    dueDate: `${now.getUTCFullYear() + 1}-06-30`,
  });
  const day = (monthsBack: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1))
      .toISOString()
      .slice(0, 10);
  await putKpiValue(ctx, manual.id, { onDate: day(2), value: 40 });
  await putKpiValue(ctx, manual.id, { onDate: day(1), value: 65 });
  return { goals: 6, arrows: arrows.length, kpis: kpis.length + 1 };
}
