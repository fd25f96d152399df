// Clients for the portfolio browser test (issue 17), written through the API with dates relative
// to today: the test needs two closed quarters that the worker does not snapshot by itself (it
// takes the last closed month and quarter at start, before the seed), so "before" is the quarter
// three back and "after" the one two back. «Рывок» buys nothing until a big sale in
// at Q-3's end its revenue is the lowest, at Q-2's end the highest, so it changes cell.
import { expect } from 'vitest';
import type { ApiCall } from './harness.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** A month as an index (year × 12 + month − 1) and a day → YYYY-MM-DD. */
const day = (month: number, d: number) =>
  `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(d)}`;
const quarterLabel = (month: number) =>
  `${Math.floor(month / 12)}-Q${Math.floor((month % 12) / 3) + 1}`;

export interface PortfolioSeed {
  from: string;
  to: string;
  ids: Record<string, string>;
}

interface Spec {
  fit: number;
  budget?: number;
  segment?: string;
  /** [month offset from Q-3's first month, amount, cost] */
  sales: [number, number, number][];
  /** The decision maker's NPS answer, given in Q-2's second month (none counts at Q-3's end). */
  nps?: number;
}

const CLIENTS: Record<string, Spec> = {
  'ООО «Альфа»': {
    fit: 90,
    budget: 20000,
    segment: 'опт',
    sales: [
      [-14, 3000, 900],
      [-2, 4000, 1200],
      [4, 4000, 1200],
    ],
    nps: 10,
  },
  'ООО «Бета»': {
    fit: 80,
    budget: 9000,
    segment: 'опт',
    sales: [
      [-3, 5000, 4000],
      [1, 3000, 2500],
    ],
    nps: 2,
  },
  'ООО «Гамма»': {
    fit: 50,
    segment: 'розница',
    sales: [
      [-20, 800, 200],
      [-1, 900, 300],
      [4, 900, 300],
    ],
    nps: 9,
  },
  'ООО «Дельта»': { fit: 10, budget: 50000, segment: 'розница', sales: [[-2, 300, 250]], nps: 3 },
  'ИП Егоров': {
    fit: 30,
    segment: 'розница',
    sales: [
      [-30, 200, 50],
      [-2, 400, 100],
      [3, 400, 100],
    ],
    nps: 10,
  },
  'ООО «Жук»': {
    fit: 60,
    budget: 4000,
    sales: [
      [-8, 1500, 700],
      [-1, 1500, 700],
    ],
  },
  'ООО «Рывок»': { fit: 70, budget: 10000, segment: 'опт', sales: [[4, 20000, 6000]], nps: 8 },
  'ООО «Зенит»': { fit: 20, sales: [[-10, 100, 90]], nps: 0 },
};

export async function seedPortfolio(api: ApiCall, today = new Date()): Promise<PortfolioSeed> {
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const q0 = current - (current % 3);
  const q3 = q0 - 9;
  const q2 = q0 - 6;
  const ids: Record<string, string> = {};
  let doc = 0;
  const post = async (path: string, body: object) => {
    const res = await api<{ id: string }>('POST', path, body);
    expect(res.status, `${path} ${JSON.stringify(res.json)}`).toBeLessThan(300);
    return res.json;
  };
  for (const [name, s] of Object.entries(CLIENTS)) {
    const client = await post('/api/v1/clients', {
      name,
      strategicFit: s.fit,
      ...(s.budget ? { estimatedAnnualBudget: s.budget } : {}),
      ...(s.segment ? { segment: s.segment } : {}),
    });
    ids[name] = client.id;
    for (const [offset, amount, cost] of s.sales)
      await post('/api/v1/transactions', {
        clientId: client.id,
        externalId: `pf-${(doc += 1)}`,
        kind: 'sale',
        date: day(q3 + offset, 10),
        amount,
        cost,
        dueDate: day(q3 + offset + 1, 10),
        paidAt: day(q3 + offset + 1, doc % 2 ? 5 : 20),
      });
    if (s.nps !== undefined) {
      const contact = await post(`/api/v1/clients/${client.id}/contacts`, {
        name: `${name}: директор`,
        roles: ['decision_maker'],
      });
      await post('/api/v1/feedback', {
        clientId: client.id,
        contactId: contact.id,
        receivedAt: `${day(q2 + 1, 15)}T10:00:00Z`,
        score: { type: 'nps', value: s.nps },
      });
    }
  }
  const refreshed = await api<{ clients: number }>('POST', '/api/v1/portfolio/refresh', {});
  expect(refreshed.json.clients).toBe(Object.keys(CLIENTS).length);
  const from = quarterLabel(q3);
  const to = quarterLabel(q2);
  for (const period of [from, to]) {
    const snap = await api('POST', '/api/v1/portfolio/snapshots', { period });
    expect(snap.status, JSON.stringify(snap.json)).toBe(201);
  }
  return { from, to, ids };
}
