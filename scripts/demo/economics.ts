// Three years of sales, refunds and payments for the demo clients, consistent with what they say:
// a client's latest NPS answer (or, before its first answer, its disposition) sets how often it
// buys and how punctually it pays — promoters buy more often and pay on time, detractors buy less
// often, pay later, sometimes not at all, and some of them leave. Plus monthly marketing spend
// and the clients' estimated annual budgets (share of wallet).
// Everything goes through the economics services, as an ERP export would through the API.
import { STAGES } from './data.ts';
import { inTransaction, type Ctx } from '../../server/context.ts';
import { updateClient } from '../../server/modules/clients/clients.service.ts';
import { resolveClient } from '../../server/modules/clients/index.ts';
import { upsertTransactionBatch } from '../../server/modules/economics/economics.service.ts';
import { putSpend } from '../../server/modules/economics/summary.service.ts';
import type { Disposition } from './more-clients.ts';

export interface EconomicsClient {
  externalId: string;
  name: string;
  segment: string;
  disposition: Disposition;
  /** NPS answers of the client's contacts: when (ms) and the score. */
  nps: Array<{ at: number; value: number }>;
}

const DAY = 86_400_000;
const MONTHS = 36;
const PRODUCTS = [
  'Перевозка FTL',
  'Сборный груз',
  'Складское хранение',
  'Таможенное оформление',
  'Экспедирование',
];
/** Typical sale by segment, in roubles. */
const TICKET: Record<string, number> = { Ключевые: 240_000, Развитие: 90_000, Розница: 18_000 };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const groupOf = (score: number): Disposition => (score >= 9 ? 1 : score >= 7 ? 0 : -1);

/** How a client in a mood buys and pays. */
const BEHAVIOUR = {
  [1]: { buy: 0.8, extra: 0.35, onTime: 0.93, lateDays: 6, unpaid: 0, leave: 0 },
  [0]: { buy: 0.6, extra: 0.15, onTime: 0.75, lateDays: 12, unpaid: 0.01, leave: 0.01 },
  [-1]: { buy: 0.38, extra: 0.05, onTime: 0.45, lateDays: 25, unpaid: 0.05, leave: 0.06 },
} as const;

export async function loadEconomicsDemo(
  ctx: Ctx,
  clients: readonly EconomicsClient[],
  rand: () => number,
  now: Date,
): Promise<{ transactions: number; months: number }> {
  const today = iso(now.getTime());
  const items: unknown[] = [];
  let seq = 0;
  const firstMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1);
  for (const client of clients) {
    const answers = [...client.nps].sort((x, y) => x.at - y.at);
    // Half of the clients arrive later, so most periods have new clients (and a CAC).
    const startMonth = rand() < 0.5 ? 1 + Math.floor(rand() * (MONTHS - 1)) : 0;
    const ticket = TICKET[client.segment] ?? 50_000;
    const dueAfter = client.segment === 'Розница' ? 7 : 14;
    let left = false;
    for (let m = startMonth; m < MONTHS && !left; m++) {
      const monthStart = Date.UTC(
        new Date(firstMonth).getUTCFullYear(),
        new Date(firstMonth).getUTCMonth() + m,
        1,
      );
      const latest = answers.filter((a) => a.at < monthStart).at(-1);
      const mood = latest ? groupOf(latest.value) : client.disposition;
      const b = BEHAVIOUR[mood];
      if (rand() < b.leave) left = true;
      if (left || rand() > b.buy) continue;
      const count = 1 + (rand() < b.extra ? 1 : 0);
      for (let k = 0; k < count; k++) {
        const date = monthStart + Math.floor(rand() * 28) * DAY;
        if (date > now.getTime()) continue;
        seq += 1;
        const amount = Math.round(ticket * (0.5 + rand()) * 100) / 100;
        const due = date + dueAfter * DAY;
        const onTime = rand() < b.onTime;
        const paid = onTime
          ? date + Math.floor(rand() * (dueAfter + 1)) * DAY
          : due + (1 + Math.floor(rand() * b.lateDays * 2)) * DAY;
        const neverPaid = rand() < b.unpaid;
        const externalId = `РН-${iso(date).slice(0, 4)}-${String(seq).padStart(5, '0')}`;
        // The journey stage the document belongs to (the scorecard's transactional layer).
        const stage = STAGES[seq % STAGES.length];
        items.push({
          stage,
          externalId,
          client: { externalId: client.externalId, name: client.name },
          kind: 'sale',
          date: iso(date),
          amount,
          // Some documents come without a cost (cost coverage below 100 %).
          ...(rand() < 0.08
            ? {}
            : { cost: Math.round(amount * (0.55 + rand() * 0.2) * 100) / 100 }),
          product: PRODUCTS[Math.floor(rand() * PRODUCTS.length)],
          dueDate: iso(due),
          ...(neverPaid || paid > now.getTime() ? {} : { paidAt: iso(paid) }),
        });
        // A few sales are partly returned a week or two later.
        const refundAt = date + (5 + Math.floor(rand() * 15)) * DAY;
        if (rand() < 0.04 && iso(refundAt) <= today) {
          const refund = Math.round(amount * (0.2 + rand() * 0.8) * 100) / 100;
          items.push({
            externalId: `${externalId}-В`,
            client: { externalId: client.externalId, name: client.name },
            kind: 'refund',
            stage,
            date: iso(refundAt),
            amount: refund,
            cost: Math.round(refund * 0.6 * 100) / 100,
          });
        }
      }
    }
  }
  let stored = 0;
  for (let i = 0; i < items.length; i += 1000) {
    // One database transaction per batch: a commit per document would make the demo slow.
    const chunk = items.slice(i, i + 1000);
    const results = await inTransaction(ctx, (tx) => upsertTransactionBatch(tx, chunk));
    const failed = results.find((r) => r.status === 'error');
    if (failed) throw new Error(`demo transaction refused: ${JSON.stringify(failed.error)}`);
    stored += results.length;
  }
  // Marketing spend of every month (two channels), growing slowly.
  for (let m = 0; m < MONTHS; m++) {
    const d = new Date(
      Date.UTC(new Date(firstMonth).getUTCFullYear(), new Date(firstMonth).getUTCMonth() + m, 1),
    );
    const period = iso(d.getTime()).slice(0, 7);
    const base = 180_000 + m * 4_000;
    await putSpend(ctx, period, {
      amount: Math.round(base * (0.8 + rand() * 0.4)),
      channel: 'Контекстная реклама',
    });
    await putSpend(ctx, period, {
      amount: Math.round(60_000 * (0.5 + rand())),
      channel: 'Выставки',
    });
  }
  await setBudgets(ctx, clients, rand);
  return { transactions: stored, months: MONTHS };
}

/**
 * What each client spends a year on logistics with everyone (for the share of wallet): a few
 * times its typical yearly purchases with us; one client in ten has no estimate yet.
 */
async function setBudgets(ctx: Ctx, clients: readonly EconomicsClient[], rand: () => number) {
  for (const client of clients) {
    if (rand() < 0.1) continue;
    const row = await resolveClient(ctx, {
      client: { externalId: client.externalId, name: client.name },
    });
    const yearly = (TICKET[client.segment] ?? 50_000) * 12;
    const budget = Math.round((yearly * (1.2 + rand() * 2.5)) / 10_000) * 10_000;
    await updateClient(ctx, row!.id, { estimatedAnnualBudget: budget });
  }
}
