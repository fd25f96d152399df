// The data the scorecard and arbiter browser tests share, seeded through the API (issue 16):
// two stages, twelve months of NPS answers (December 2025 … November 2026, ten a month), a
// process KPI «Доставка вовремя», sales of June … November.
//   «доставка»: promoters (the rest passives) follow the KPI — a planted key driver; sales A 300
//   and B 200 a month; target NPS ≥ 50, revenue ≥ 1000.
//   «склад»: promoters unrelated to its KPI; one detractor a month (with a text; each opens a
//   case, so the backlog grows 1 … 12, also unrelated, r ≈ −0.16); a sale of C 1000 in November.
import { expect } from 'vitest';
import type { ApiCall } from './harness.ts';

export const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = 2025 * 12 + 11 + i; // 2025-12 … 2026-11
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
/** «доставка»: the KPI each month and the promoters of ten answers, rising with it. */
export const ON_TIME = [82, 90, 85, 93, 88, 80, 95, 84, 91, 87, 83, 92];
export const PROMOTERS = [2, 6, 4, 8, 5, 1, 9, 3, 7, 5, 3, 7];
/** «склад»: a KPI and promoters unrelated to each other (r ≈ −0.07). */
export const WAREHOUSE_KPI = [90, 91, 89, 92, 90, 88, 91, 90, 89, 92, 90, 91];
export const WAREHOUSE_PROMOTERS = [5, 5, 4, 6, 3, 5, 6, 4, 6, 3, 5, 4];

/** Promoters first; at «склад» the last of the ten is a detractor, the rest are passives. */
function npsScore(stage: string, k: number, promoters: number): number {
  if (k < promoters) return 9 + (k % 2);
  return stage === 'склад' && k === 9 ? 3 : 7 + (k % 2);
}

export async function seedScorecard(api: ApiCall): Promise<void> {
  const stage = await api('POST', '/api/v1/stages', {
    key: 'доставка',
    nameRu: 'Доставка',
    nameEn: 'Delivery',
    targets: [
      { metric: 'nps', target: 50, direction: 'up' },
      { metric: 'revenue', target: 1000, direction: 'up' },
    ],
  });
  expect(stage.status).toBe(201);
  const warehouse = await api('POST', '/api/v1/stages', {
    key: 'склад',
    nameRu: 'Склад',
    nameEn: 'Warehouse',
  });
  expect(warehouse.status).toBe(201);
  const kpi = await api('PUT', '/api/v1/kpis/on_time_delivery', {
    name: 'Доставка вовремя',
    nameEn: 'On-time delivery',
    unit: '%',
    direction: 'up',
    target: 95,
  });
  expect(kpi.status).toBe(201);
  const values = MONTHS.flatMap((period, i) => [
    { stage: 'доставка', period, value: ON_TIME[i]! },
    { stage: 'склад', period, value: WAREHOUSE_KPI[i]! },
  ]);
  expect((await api('PUT', '/api/v1/kpis/on_time_delivery/values', { values })).status).toBe(200);
  const items = MONTHS.flatMap((month, i) =>
    (
      [
        ['доставка', PROMOTERS[i]!],
        ['склад', WAREHOUSE_PROMOTERS[i]!],
      ] as const
    ).flatMap(([stageKey, promoters]) =>
      Array.from({ length: 10 }, (_, k) => ({
        client: { name: `ООО Клиент ${k}` },
        stage: stageKey,
        score: { type: 'nps', value: npsScore(stageKey, k, promoters) },
        text:
          stageKey === 'склад' && k === 9
            ? `Склад снова перепутал заказ и отгрузил не тот товар (${month}).`
            : undefined,
        receivedAt: `${month}-${String(2 + k).padStart(2, '0')}T10:00:00Z`,
      })),
    ),
  );
  const fb = await api<{ results: Array<{ status: string }> }>('POST', '/api/v1/feedback/batch', {
    items,
  });
  expect(fb.status).toBeLessThan(300);
  // Sales of «доставка», June … November: A 300 and B 200 a month.
  const sales = MONTHS.slice(6).flatMap((month, i) =>
    [
      ['A', 300],
      ['B', 200],
    ].map(([name, amount]) => ({
      externalId: `SC-${i}-${name}`,
      client: { externalId: `crm-${name}`, name: `ООО «${name}»` },
      kind: 'sale',
      stage: 'доставка',
      date: `${month}-10`,
      amount,
    })),
  );
  // «склад»: C buys for 1000 in November.
  sales.push({
    externalId: 'SC-warehouse-C',
    client: { externalId: 'crm-C', name: 'ООО «C»' },
    kind: 'sale',
    stage: 'склад',
    date: '2026-11-10',
    amount: 1000,
  });
  const tx = await api<{ results: Array<{ status: string }> }>(
    'POST',
    '/api/v1/transactions/batch',
    { items: sales },
  );
  expect(tx.json.results.map((r) => r.status)).toEqual(Array(13).fill('created'));
}
