// eNPS pulses: an admin creates one for all or some teams; every active employee of those teams
// with an e-mail gets a personal link (the token only in the e-mail, its SHA-256 stored), and each
// team gets a shared link. The early-tenure schedule invites new hires through inviteEmployees.
import { inTransaction, type Ctx } from '../../context.ts';
import type { PulseInvitationsTable, PulseLinksTable, PulsesTable } from '../../db/types.ts';
import { t } from '../../i18n/catalogue.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { pulseInviteUrl, pulseTeamUrl } from '../../lib/public-urls.ts';
import type { CreatePulseBody, PulseOut } from '../../../shared/api/pulse.ts';
import { activeEmployeesOf, type RosterRow } from '../employees/index.ts';
import { queueMessage } from '../messaging/index.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './pulse.repo.ts';

type TxCtx = Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>;

function scoreLines(lang: 'ru' | 'en', url: string): string {
  return Array.from({ length: 11 }, (_, n) => {
    const end =
      n === 0 ? ` (${t(lang, 'pulse.low')})` : n === 10 ? ` (${t(lang, 'pulse.high')})` : '';
    return `${n}${end}: ${url}?score=${n}`;
  }).join('\n');
}

/**
 * Personal invitations for `people` not yet invited to the pulse, each e-mailed in the pulse's
 * language in the caller's transaction. Returns how many were queued.
 */
export async function inviteEmployees(
  tx: TxCtx,
  pulse: PulsesTable,
  people: readonly RosterRow[],
): Promise<number> {
  const already = await repo.invitedEmployeeIds(tx.db, tx.orgId, pulse.id);
  const now = tx.clock.now();
  const fresh = people.filter((p) => p.email && !already.has(p.id));
  const rows = fresh.map((p) => {
    const token = randomToken(32);
    const row: PulseInvitationsTable = {
      id: newId(now.getTime()),
      org_id: tx.orgId,
      pulse_id: pulse.id,
      employee_id: p.id,
      stage_key: p.stage_key,
      token_hash: sha256(token),
      used: 0,
      created_at: now.toISOString(),
    };
    return { row, token, person: p };
  });
  await repo.insertInvitations(
    tx.db,
    rows.map((r) => r.row),
  );
  const lang = pulse.language;
  for (const { row, token, person } of rows) {
    const url = pulseInviteUrl(tx.config, token);
    await queueMessage(tx, {
      kind: 'pulse_invite',
      to: person.email!,
      language: lang,
      vars: {
        name: person.name,
        question: t(lang, 'pulse.question'),
        pulseUrl: url,
        scoreLinks: scoreLines(lang, url),
      },
      dedupeKey: `pulse:${row.id}`,
    });
  }
  if (rows.length) tx.jobs.notify();
  return rows.length;
}

export async function createPulse(
  ctx: Ctx,
  input: CreatePulseBody,
): Promise<{ pulse: PulsesTable; queued: number; withoutEmail: number }> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const stages = input.stages ? [...new Set(input.stages)].sort() : null;
    const pulse: PulsesTable = {
      id: newId(tx.clock.now().getTime()),
      org_id: tx.orgId,
      kind: 'manual',
      name: input.name,
      stages: stages ? JSON.stringify(stages) : null,
      language: input.language,
      status: 'open',
      created_at: now,
      updated_at: now,
    };
    await repo.insertPulse(tx.db, pulse);
    const people = await activeEmployeesOf(tx, stages ? { stages } : {});
    const teams = stages ?? [...new Set(people.map((p) => p.stage_key).filter((s) => s !== null))];
    const links: PulseLinksTable[] = teams.sort().map((stage) => ({
      id: newId(tx.clock.now().getTime()),
      org_id: tx.orgId,
      pulse_id: pulse.id,
      stage_key: stage,
      token: randomToken(32),
      created_at: now,
    }));
    await repo.insertLinks(tx.db, links);
    const queued = input.send ? await inviteEmployees(tx, pulse, people) : 0;
    const withoutEmail = people.filter((p) => !p.email).length;
    await recordAudit(
      tx,
      'pulse.created',
      { type: 'pulse', id: pulse.id },
      {
        teams: teams.length,
        queued,
      },
    );
    return { pulse, queued, withoutEmail };
  });
}

export async function listPulses(ctx: Ctx, q: { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listPulses(ctx.db, ctx.orgId, {
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}

export async function getPulse(ctx: Ctx, id: string): Promise<PulsesTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getPulse(ctx.db, ctx.orgId, id);
}

export async function setPulseStatus(
  ctx: Ctx,
  id: string,
  status: PulsesTable['status'],
): Promise<PulsesTable> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getPulse(tx.db, tx.orgId, id);
    const patch = { status, updated_at: tx.clock.now().toISOString() };
    await repo.setPulseStatus(tx.db, tx.orgId, id, patch);
    await recordAudit(tx, 'pulse.updated', { type: 'pulse', id }, { status });
    return { ...current, ...patch };
  });
}

/** The pulse as the API shows it: team links and per-team counts, never a person's answer. */
export async function presentPulse(ctx: Ctx, pulse: PulsesTable): Promise<PulseOut> {
  const [links, counts] = await Promise.all([
    repo.linksOf(ctx.db, ctx.orgId, pulse.id),
    repo.invitationCounts(ctx.db, ctx.orgId, pulse.id),
  ]);
  return {
    id: pulse.id,
    kind: pulse.kind,
    name: pulse.name,
    stages: pulse.stages ? (JSON.parse(pulse.stages) as string[]) : null,
    language: pulse.language,
    status: pulse.status,
    createdAt: pulse.created_at,
    links: links.map((l) => ({ stage: l.stage_key, url: pulseTeamUrl(ctx.config, l.token) })),
    teams: counts.map((c) => ({
      stage: c.stage_key,
      invited: Number(c.invited),
      answered: Number(c.answered ?? 0),
    })),
  };
}
