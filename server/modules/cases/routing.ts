// Routing of an auto-opened case (issue 15, SPEC C2): its owner is the client's manager, else the
// owner of the case's journey stage, else the organisation's default case owner, else its
// longest-standing active admin — each only when an active person of the organisation, so every
// auto-opened case has an owner. The owner is told by e-mail (case_assigned, in their language),
// queued in the intake transaction, and finds the case under "assigned to me" in the care inbox.
import type { Ctx } from '../../context.ts';
import type { CasesTable, UsersTable } from '../../db/types.ts';
import { caseUrl } from '../../lib/public-urls.ts';
import { findClient, findClients } from '../clients/index.ts';
import { queueMessage, type QueueMessageInput } from '../messaging/index.ts';
import { findOrgUser, findOrgUsers, listActiveAdminsOf, orgOf } from '../orgs/index.ts';
import { stageOwnerOf } from '../stages/index.ts';
import { emitCaseEvent } from './case-events.ts';
import { tellPeople } from './case-notices.ts';
import { caseMailWords, type CaseMailWords } from './case-mail-words.ts';

export interface Routed {
  owner: UsersTable | undefined;
  clientName: string | null;
}

async function activeUser(tx: Ctx, id: string | null | undefined) {
  const user = id ? await findOrgUser(tx, id) : undefined;
  return user && !user.disabled_at ? user : undefined;
}

/** The owner of a case opened for a record of `clientId` at `stage`; read-only. */
export async function routeCase(
  tx: Ctx,
  c: { clientId: string | null; stage: string | null },
): Promise<Routed> {
  const client = c.clientId ? await findClient(tx, c.clientId) : undefined;
  const clientName = client?.name ?? null;
  const owner =
    (await activeUser(tx, client?.manager_id)) ??
    (await activeUser(tx, await stageOwnerOf(tx, c.stage))) ??
    (await activeUser(tx, (await orgOf(tx)).default_case_owner_id));
  return { owner: owner ?? (await firstActiveAdmin(tx)), clientName };
}

/**
 * routeCase for the cases of an intake group, with the same choice per case: the clients in one
 * query, each stage's owner once, the people named in one query, the organisation's default owner
 * and its admins once and only when a case needs them.
 */
export async function routeCases(
  tx: Ctx,
  cs: readonly { clientId: string | null; stage: string | null }[],
): Promise<Routed[]> {
  const clientIds = [...new Set(cs.map((c) => c.clientId).filter((id): id is string => !!id))];
  const clients = new Map((await findClients(tx, clientIds)).map((c) => [c.id, c]));
  const stageOwners = new Map<string, string | null>();
  for (const stage of new Set(cs.map((c) => c.stage)))
    if (stage) stageOwners.set(stage, await stageOwnerOf(tx, stage));
  const named = [
    ...new Set(
      [...[...clients.values()].map((c) => c.manager_id), ...stageOwners.values()].filter(
        (id): id is string => !!id,
      ),
    ),
  ];
  const users = new Map((await findOrgUsers(tx, { ids: named })).map((u) => [u.id, u]));
  const active = (id: string | null | undefined) => {
    const user = id ? users.get(id) : undefined;
    return user && !user.disabled_at ? user : undefined;
  };
  let fallback: UsersTable | undefined | null = null;
  const fallbackOwner = async () => {
    if (fallback !== null) return fallback;
    fallback =
      (await activeUser(tx, (await orgOf(tx)).default_case_owner_id)) ??
      (await firstActiveAdmin(tx));
    return fallback;
  };
  const routed: Routed[] = [];
  for (const c of cs) {
    const client = c.clientId ? clients.get(c.clientId) : undefined;
    const owner =
      active(client?.manager_id) ??
      active(c.stage ? stageOwners.get(c.stage) : null) ??
      (await fallbackOwner());
    routed.push({ owner, clientName: client?.name ?? null });
  }
  return routed;
}

async function firstActiveAdmin(tx: Ctx): Promise<UsersTable | undefined> {
  const admins = await listActiveAdminsOf(tx);
  admins.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  return admins[0];
}

/** The routed owner in the case's timeline (no webhook: the case is being opened) and their mail. */
export async function recordRouting(
  tx: Ctx,
  c: CasesTable,
  { owner, clientName }: Routed,
  mails: QueueMessageInput[],
): Promise<void> {
  if (!owner) return;
  await emitCaseEvent(tx, c, { kind: 'assigned', body: owner.id, timelineOnly: true });
  await tellPeople(tx, [{ kind: 'case_assigned', caseId: c.id, userId: owner.id, actorId: null }]);
  mails.push(assignmentMail(tx, c, owner, clientName, await caseMailWords(tx, [c.stage])));
}

/** Mails the case's new owner, in the caller's transaction (one message per case and owner). */
export async function notifyOwner(
  tx: Ctx,
  c: CasesTable,
  owner: UsersTable,
  clientName: string | null,
): Promise<void> {
  const words = await caseMailWords(tx, [c.stage]);
  await queueMessage(tx, assignmentMail(tx, c, owner, clientName, words));
}

/** The case_assigned message to the owner, in their language. */
export function assignmentMail(
  tx: Pick<Ctx, 'config'>,
  c: CasesTable,
  owner: UsersTable,
  clientName: string | null,
  words: CaseMailWords,
): QueueMessageInput {
  const language = owner.language;
  return {
    kind: 'case_assigned',
    to: owner.email,
    language: owner.language,
    vars: {
      name: owner.name,
      ref: c.public_ref,
      title: c.title,
      stage: words.stage(c.stage, language),
      clientName: clientName ?? '—',
      dueAt: words.due(c.due_at, language),
      caseUrl: caseUrl(tx.config, c.id),
    },
    caseId: c.id,
    feedbackId: c.feedback_id,
    clientId: c.client_id,
    dedupeKey: `assigned:${c.id}:${owner.id}`,
  };
}
