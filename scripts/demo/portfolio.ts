// The demo's client portfolio (issue 17): the contacts' roles of data.ts (intake created the
// contacts from their e-mails, without roles), a strategic fit per client, the snapshots of the
// last two closed quarters — so the moves view has arrows — and the current scores.
import type { Ctx } from '../../server/context.ts';
import { updateClient } from '../../server/modules/clients/clients.service.ts';
import { updateContact } from '../../server/modules/clients/contacts.service.ts';
import {
  findContactByEmail,
  resolveClient,
  type ContactRole,
} from '../../server/modules/clients/index.ts';
import { getMoves, refreshScores, takeSnapshot } from '../../server/modules/portfolio/index.ts';
import type { CLIENTS } from './data.ts';

type DemoClient = (typeof CLIENTS)[number];

/** The two quarters before the current one, oldest first: 2026-Q2 and 2026-Q3 in December. */
export function lastTwoQuarters(now: Date): [string, string] {
  const q = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  const label = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  return [label(q - 2), label(q - 1)];
}

export async function loadPortfolioDemo(
  ctx: Ctx,
  clients: readonly DemoClient[],
  rand: () => number,
  now: Date,
): Promise<{ roles: number; snapshots: string[]; moves: number }> {
  let roles = 0;
  for (const [i, client] of clients.entries()) {
    const row = await resolveClient(ctx, {
      client: { externalId: `demo-${i}`, name: client.name },
    });
    if (!row) continue;
    // Strategic fit: a person's judgement, 0–100 in steps of 10; a few clients not yet judged.
    if (rand() < 0.9)
      await updateClient(ctx, row.id, { strategicFit: Math.round(rand() * 10) * 10 });
    for (const c of client.contacts) {
      const contact = await findContactByEmail(ctx, c.email);
      if (!contact || contact.client_id !== row.id) continue;
      await updateContact(ctx, contact.id, { roles: c.roles as ContactRole[] });
      roles += 1;
    }
  }
  const snapshots = lastTwoQuarters(now);
  for (const period of snapshots) await takeSnapshot(ctx, period);
  await refreshScores(ctx);
  const moves = (await getMoves(ctx, { from: snapshots[0], to: snapshots[1] })).moves.length;
  return { roles, snapshots, moves };
}
