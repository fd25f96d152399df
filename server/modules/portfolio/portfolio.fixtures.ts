// The five clients of the hand-computed example (portfolio.test.ts), written through the API.
// Today is 2026-11-15: the last 12 months are (2025-11-15, 2026-11-15], the 12 before them
// (2024-11-15, 2025-11-15], a touch counts from 2026-05-16. No document or record falls between
// 2025-11-15 and 2026-01-01 or after 2026-10-31, so the scores as of 2026-11-30 and 2026-12-31
// are the same as today's (every tenure grows alike; ranks do not change).
import { expect } from 'vitest';
import { call, type TestApp, type TestOrg } from '../../../tests/support/app.ts';

export type Name = 'A' | 'B' | 'C' | 'D' | 'E';

interface Sale {
  date: string;
  amount: number;
  cost?: number;
  dueDate?: string;
  paidAt?: string;
}

const SALES: Record<Name, Sale[]> = {
  A: [
    { date: '2025-06-01', amount: 500 },
    { date: '2026-02-01', amount: 1000, cost: 100, dueDate: '2026-03-01', paidAt: '2026-02-20' },
  ],
  B: [
    { date: '2025-01-05', amount: 4000 },
    { date: '2026-03-01', amount: 1000, cost: 500, dueDate: '2026-04-01', paidAt: '2026-03-25' },
    { date: '2026-04-01', amount: 1000, cost: 500, dueDate: '2026-05-01', paidAt: '2026-05-10' },
  ],
  C: [
    { date: '2025-01-15', amount: 2000 },
    { date: '2026-05-01', amount: 3000, cost: 2400, dueDate: '2026-06-01', paidAt: '2026-06-01' },
  ],
  D: [
    { date: '2025-03-01', amount: 1000 },
    { date: '2026-06-01', amount: 4000, cost: 2000 },
  ],
  E: [
    { date: '2020-01-01', amount: 100 },
    { date: '2025-05-01', amount: 4000 },
    { date: '2026-07-01', amount: 5000, cost: 250, dueDate: '2026-08-01' },
  ],
};

const FIELDS: Record<
  Name,
  { strategicFit: number; estimatedAnnualBudget?: number; segment?: string }
> = {
  A: { strategicFit: 60, estimatedAnnualBudget: 2000, segment: 'retail' },
  B: { strategicFit: 20, estimatedAnnualBudget: 10000 },
  C: { strategicFit: 40, segment: 'retail' },
  D: { strategicFit: 80, estimatedAnnualBudget: 5000 },
  E: { strategicFit: 100, estimatedAnnualBudget: 50000 },
};

type Role = 'decision_maker' | 'influencer' | 'user';
/** Contacts and what each said: NPS answers (latest counts) or a text (a touch only). */
const VOICES: Record<Name, { role: Role; said: { at: string; nps?: number; text?: string }[] }[]> =
  {
    A: [
      {
        role: 'decision_maker',
        said: [
          { at: '2026-03-01T10:00:00Z', nps: 2 },
          { at: '2026-10-10T10:00:00Z', nps: 10 },
        ],
      },
      { role: 'user', said: [{ at: '2026-10-11T10:00:00Z', nps: 0 }] },
    ],
    B: [{ role: 'decision_maker', said: [{ at: '2026-01-10T10:00:00Z', nps: 3 }] }],
    C: [
      { role: 'influencer', said: [{ at: '2026-09-10T10:00:00Z', nps: 9 }] },
      { role: 'decision_maker', said: [{ at: '2026-09-11T10:00:00Z', nps: 8 }] },
    ],
    D: [
      { role: 'decision_maker', said: [{ at: '2026-10-05T10:00:00Z', text: 'Всё хорошо' }] },
      { role: 'influencer', said: [] },
    ],
    E: [
      { role: 'decision_maker', said: [{ at: '2026-10-01T10:00:00Z', nps: 10 }] },
      { role: 'user', said: [{ at: '2026-10-02T10:00:00Z', nps: 10 }] },
    ],
  };

/** Creates the five clients in `org`; returns their ids by name. */
export async function seedFive(t: TestApp, org: TestOrg, tag = ''): Promise<Record<Name, string>> {
  const api = async (url: string, payload: object) => {
    const res = await call(t.app, org.apiKey, { method: 'POST', url, payload });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const ids = {} as Record<Name, string>;
  let doc = 0;
  for (const name of ['A', 'B', 'C', 'D', 'E'] as const) {
    const client = await api('/api/v1/clients', { name: `Клиент ${name}${tag}`, ...FIELDS[name] });
    ids[name] = client.id;
    for (const s of SALES[name])
      await api('/api/v1/transactions', {
        clientId: client.id,
        externalId: `doc-${name}-${(doc += 1)}${tag}`,
        kind: 'sale',
        ...s,
      });
    let c = 0;
    for (const v of VOICES[name]) {
      const contact = await api(`/api/v1/clients/${client.id}/contacts`, {
        name: `${name} ${v.role} ${(c += 1)}`,
        roles: [v.role],
      });
      for (const s of v.said)
        await api('/api/v1/feedback', {
          clientId: client.id,
          contactId: contact.id,
          receivedAt: s.at,
          ...(s.nps !== undefined ? { score: { type: 'nps', value: s.nps } } : {}),
          ...(s.text ? { text: s.text } : {}),
        });
    }
  }
  return ids;
}
