// Care playbooks per cell (issue 17, docs/portfolio.md "Playbooks"): the strategy of a cell turned
// into work. Each action ("a meeting with the decision maker every 90 days") is a care reminder
// for every client the stored scores put in the cell, due when it was never done for the client
// or was last done `everyDays` or more ago. The reminders are computed on each read of the care
// inbox (registered from plug-ins.ts), so a client that leaves the cell stops getting them at once.
import type { Ctx, OrgScope } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ReminderOut } from '../../../shared/api/care.ts';
import type {
  ClientPlaybookOut,
  PlaybookActionOut,
  PlaybookActionStateOut,
  PlaybookOut,
  PutPlaybookBody,
} from '../../../shared/api/portfolio.ts';
import { PORTFOLIO_LEVELS, type PortfolioLevel } from '../../../shared/domain/vocabulary.ts';
import type { PortfolioPlaybookActionsTable } from '../../db/types.ts';
import { findClient } from '../clients/index.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './playbooks.repo.ts';

const DAY = 86_400_000;
export const MAX_ACTIONS = 20;
const MAX_TITLE = 200;
const MAX_EVERY_DAYS = 3650;

type Cell = { attractiveness: PortfolioLevel; relationship: PortfolioLevel };

const actionOut = (a: PortfolioPlaybookActionsTable): PlaybookActionOut => ({
  id: a.id,
  titleRu: a.title_ru,
  titleEn: a.title_en,
  everyDays: a.every_days,
});

/** An action's state for a client: due when never done or done `everyDays` or more ago. */
export function actionState(
  a: PortfolioPlaybookActionsTable,
  lastDoneAt: string | null,
  now: Date,
): PlaybookActionStateOut {
  const nextAt = lastDoneAt
    ? new Date(Date.parse(lastDoneAt) + a.every_days * DAY).toISOString()
    : null;
  return {
    ...actionOut(a),
    lastDoneAt,
    nextAt,
    due: nextAt === null || Date.parse(nextAt) <= now.getTime(),
  };
}

export async function getPlaybooks(ctx: Ctx): Promise<{ playbooks: PlaybookOut[] }> {
  assertCan(ctx.actor, 'data.read');
  const actions = await repo.listActions(ctx.db, ctx.orgId);
  return {
    playbooks: PORTFOLIO_LEVELS.flatMap((attractiveness) =>
      PORTFOLIO_LEVELS.map((relationship) => ({
        attractiveness,
        relationship,
        actions: actions
          .filter((a) => a.attractiveness === attractiveness && a.relationship === relationship)
          .map(actionOut),
      })),
    ),
  };
}

type Problem = { name: string; reason: string };

function problemsOf(body: PutPlaybookBody): Problem[] {
  const out: Problem[] = [];
  if (body.actions.length > MAX_ACTIONS)
    out.push({ name: 'body.actions', reason: `at most ${MAX_ACTIONS} actions` });
  const seen = new Set<string>();
  body.actions.forEach((a, i) => {
    const at = `body.actions.${i}`;
    for (const key of ['titleRu', 'titleEn'] as const) {
      const title = a[key].trim();
      if (!title || title.length > MAX_TITLE)
        out.push({ name: `${at}.${key}`, reason: `1 to ${MAX_TITLE} characters` });
    }
    if (!Number.isInteger(a.everyDays) || a.everyDays < 1 || a.everyDays > MAX_EVERY_DAYS)
      out.push({
        name: `${at}.everyDays`,
        reason: `a whole number of days, 1 to ${MAX_EVERY_DAYS}`,
      });
    if (a.id && seen.has(a.id)) out.push({ name: `${at}.id`, reason: 'repeated' });
    if (a.id) seen.add(a.id);
  });
  return out;
}

/** Replaces a cell's playbook; an action sent with its id keeps when it was done per client. */
export async function putPlaybook(
  ctx: Ctx,
  cell: Cell,
  body: PutPlaybookBody,
): Promise<PlaybookOut> {
  assertCan(ctx.actor, 'data.write');
  const problems = problemsOf(body);
  if (problems.length)
    throw new AppError(
      'invalid_playbook',
      problems.map((p) => `${p.name}: ${p.reason}`).join('; '),
      { invalidParams: problems },
    );
  return inTransaction(ctx, async (tx) => {
    const existing = (await repo.listActions(tx.db, tx.orgId, cell)).map((a) => a.id);
    const own = new Set(existing);
    // An id that is not an action of this cell of this organisation: 404, nothing written.
    if (body.actions.some((a) => a.id && !own.has(a.id))) throw notFound('Playbook action');
    const now = tx.clock.now();
    const rows: PortfolioPlaybookActionsTable[] = body.actions.map((a, position) => ({
      id: a.id ?? newId(now.getTime()),
      org_id: tx.orgId,
      ...cell,
      position,
      title_ru: a.titleRu.trim(),
      title_en: a.titleEn.trim(),
      every_days: a.everyDays,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    }));
    await repo.replaceActions(tx.db, tx.orgId, cell, rows, existing);
    await recordAudit(tx, 'portfolio.playbook_changed', undefined, {
      ...cell,
      actions: rows.length,
    });
    return { ...cell, actions: rows.map(actionOut) };
  });
}

async function statesFor(
  ctx: Ctx,
  clientId: string,
  cell: Cell,
): Promise<PlaybookActionStateOut[]> {
  const actions = await repo.listActions(ctx.db, ctx.orgId, cell);
  const done = new Map(
    (
      await repo.doneMarks(
        ctx.db,
        ctx.orgId,
        actions.map((a) => a.id),
        clientId,
      )
    ).map((d) => [d.action_id, d.done_at]),
  );
  const now = ctx.clock.now();
  return actions.map((a) => actionState(a, done.get(a.id) ?? null, now));
}

/** The playbook of the client's cell with each action's state (the client card). */
export async function clientPlaybook(ctx: Ctx, clientId: string): Promise<ClientPlaybookOut> {
  assertCan(ctx.actor, 'data.read');
  if (!(await findClient(ctx, clientId))) throw notFound('Client');
  const cell = await repo.cellOf(ctx.db, ctx.orgId, clientId);
  if (!cell) return { cell: null, actions: [] };
  return { cell, actions: await statesFor(ctx, clientId, cell) };
}

/** Marks an action done for a client now: it comes back `everyDays` later. */
export async function markPlaybookDone(
  ctx: Ctx,
  clientId: string,
  actionId: string,
): Promise<PlaybookActionStateOut> {
  assertCan(ctx.actor, 'data.write');
  if (!(await findClient(ctx, clientId))) throw notFound('Client');
  const action = await repo.findAction(ctx.db, ctx.orgId, actionId);
  if (!action) throw notFound('Playbook action');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await repo.markDone(tx.db, {
      org_id: tx.orgId,
      client_id: clientId,
      action_id: actionId,
      done_at: now.toISOString(),
      done_by: tx.actor.type === 'user' ? (tx.actor.id ?? null) : null,
    });
    await recordAudit(
      tx,
      'portfolio.playbook_done',
      { type: 'client', id: clientId },
      { actionId },
    );
  });
  return actionState(action, now.toISOString(), now);
}

/** The due playbook actions of the clients in each cell, for the care inbox (plug-ins.ts). */
export async function playbookReminders(
  s: OrgScope & { now: Date; lang: 'ru' | 'en'; limit: number },
): Promise<ReminderOut[]> {
  const actions = await repo.listActions(s.db, s.orgId);
  if (actions.length === 0) return [];
  const done = new Map(
    (
      await repo.doneMarks(
        s.db,
        s.orgId,
        actions.map((a) => a.id),
      )
    ).map((d) => [`${d.action_id}:${d.client_id}`, d.done_at]),
  );
  const out: ReminderOut[] = [];
  const cells = new Map<string, PortfolioPlaybookActionsTable[]>();
  for (const a of actions) {
    const key = `${a.attractiveness}|${a.relationship}`;
    cells.set(key, [...(cells.get(key) ?? []), a]);
  }
  for (const list of cells.values()) {
    const cell = { attractiveness: list[0]!.attractiveness, relationship: list[0]!.relationship };
    for (const client of await repo.clientsInCell(s.db, s.orgId, cell, s.limit)) {
      for (const a of list) {
        const state = actionState(a, done.get(`${a.id}:${client.id}`) ?? null, s.now);
        if (!state.due) continue;
        out.push({
          kind: 'playbook_action',
          clientId: client.id,
          clientName: client.name,
          title: s.lang === 'en' ? a.title_en : a.title_ru,
          at: state.nextAt,
          daysUntil: null,
          ref: { type: 'playbook_action', id: a.id },
          link: `/clients/${client.id}?tab=portfolio`,
        });
        if (out.length >= s.limit) return out;
      }
    }
  }
  return out;
}
