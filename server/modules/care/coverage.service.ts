// Role coverage per client and the decision-maker reminders of the care inbox (issue 17, C9).
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ReminderOut } from '../../../shared/api/care.ts';
import { findClient } from '../clients/index.ts';
import { computeCoverage, coverageCutoff, parseRoles, type ClientCoverage } from './coverage.ts';
import * as repo from './coverage.repo.ts';
import { selectKeyAccounts } from './key-accounts.ts';
import * as reads from './reminders.repo.ts';

/** Coverage of the given clients (every client with a contact when undefined), by client id. */
export async function coverageOfClients(
  ctx: Ctx,
  clientIds?: readonly string[],
): Promise<Map<string, ClientCoverage>> {
  const contacts = await repo.contactsOf(ctx.db, ctx.orgId, clientIds);
  const touches = await repo.lastTouches(ctx.db, ctx.orgId, clientIds);
  const cutoff = coverageCutoff(ctx.clock.now());
  const byClient = new Map<string, { id: string; name: string; roles: string[] }[]>();
  for (const id of clientIds ?? []) byClient.set(id, []);
  for (const c of contacts)
    byClient.set(c.client_id, [
      ...(byClient.get(c.client_id) ?? []),
      { id: c.id, name: c.name, roles: parseRoles(c.roles) },
    ]);
  return new Map([...byClient].map(([id, list]) => [id, computeCoverage(list, touches, cutoff)]));
}

export async function clientCoverage(
  ctx: Ctx,
  clientId: string,
): Promise<ClientCoverage & { clientId: string; since: string }> {
  assertCan(ctx.actor, 'data.read');
  if (!(await findClient(ctx, clientId))) throw notFound('Client');
  const coverage = (await coverageOfClients(ctx, [clientId])).get(clientId)!;
  return { clientId, since: coverageCutoff(ctx.clock.now()).toISOString(), ...coverage };
}

const MANY = 500;
const NO_CONTACTS = computeCoverage([], new Map(), new Date(0));

/**
 * A reminder per key account (key-accounts.ts) with no decision-maker contact, or whose decision
 * makers had no touch in six months.
 */
export async function decisionMakerReminders(ctx: Ctx, limit: number): Promise<ReminderOut[]> {
  const keys = [
    ...(await selectKeyAccounts({ db: ctx.db, orgId: ctx.orgId, now: ctx.clock.now() })),
  ].sort();
  if (keys.length === 0) return [];
  // Many key accounts: read all contacts once rather than bind thousands of ids (SQLite's limit).
  const coverage = await coverageOfClients(ctx, keys.length > MANY ? undefined : keys);
  const due = keys
    .map((id) => ({ id, c: coverage.get(id) ?? NO_CONTACTS }))
    .filter((x) => x.c.decisionMaker !== 'touched')
    .slice(0, limit);
  // Names through the organisation's own clients: a selector's stray id is dropped here.
  const names = await reads.clientNames(
    ctx.db,
    ctx.orgId,
    due.map((x) => x.id),
  );
  const out: ReminderOut[] = [];
  for (const { id, c } of due) {
    const name = names.get(id);
    if (name === undefined) continue;
    const lastTouch = c.contacts
      .filter((x) => x.roles.includes('decision_maker') && x.lastTouchAt)
      .map((x) => x.lastTouchAt!)
      .sort()
      .pop();
    out.push({
      kind: c.decisionMaker === 'missing' ? 'decision_maker_missing' : 'decision_maker_silent',
      clientId: id,
      clientName: name,
      title: name,
      at: lastTouch ?? null,
      daysUntil: null,
      ref: { type: 'client', id },
      link: `/clients/${id}?tab=contacts`,
      coverage: { decisionMaker: c.decisionMaker, influencer: c.influencer },
    });
  }
  return out;
}
