// Answers from the public pulse pages. Anonymity is the point: the answer row gets a random id,
// the team, the score, the comment and the organisation's local day — never the invitation, the
// employee, the token or a time. A personal invitation is claimed (used = 1, only if it was 0) in
// the same transaction, so a second answer on the same token finds it used: the first stands.
//
// Known limit (docs/architecture.md): the database engine's own bookkeeping is not hidden from its
// superuser — on PostgreSQL the claim and the insert share a transaction id (xmin) while the row
// versions live. The guarantee is about the schema, the application and its API.
import { randomUUID } from 'node:crypto';
import type { PulseInvitationsTable, PulseLinksTable, PulsesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { sha256 } from '../../lib/crypto.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { localDay } from './local-day.ts';
import * as repo from './pulse.repo.ts';

/** Tokens are randomToken(32): 43 base64url characters. Anything else is not looked up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export type PulseTarget =
  | { kind: 'invite'; pulse: PulsesTable; invitation: PulseInvitationsTable }
  | { kind: 'team'; pulse: PulsesTable; link: PulseLinksTable };

export async function findInviteTarget(
  deps: Deps,
  token: string,
): Promise<PulseTarget | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const invitation = await repo.findInvitationByHash(deps.db, sha256(token));
  const pulse = invitation && (await repo.pulseById(deps.db, invitation.pulse_id));
  return invitation && pulse ? { kind: 'invite', pulse, invitation } : undefined;
}

export async function findTeamTarget(deps: Deps, token: string): Promise<PulseTarget | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const link = await repo.findLinkByToken(deps.db, token);
  const pulse = link && (await repo.pulseById(deps.db, link.pulse_id));
  return link && pulse ? { kind: 'team', pulse, link } : undefined;
}

export function stateOf(target: PulseTarget): 'open' | 'closed' | 'answered' {
  if (target.kind === 'invite' && target.invitation.used) return 'answered';
  return target.pulse.status === 'open' ? 'open' : 'closed';
}

/** Stores the answer; 'already' when the invitation was used before (nothing is written then). */
export async function recordPulseAnswer(
  deps: Deps,
  target: PulseTarget,
  answer: { score: number; comment?: string },
): Promise<'recorded' | 'already'> {
  const orgId = target.pulse.org_id;
  const day = localDay(deps.clock.now(), await orgTimeZone({ db: deps.db, orgId }));
  return deps.db.transaction().execute(async (trx) => {
    if (target.kind === 'invite' && !(await repo.claimInvitation(trx, orgId, target.invitation.id)))
      return 'already';
    await repo.insertAnswer(trx, {
      id: randomUUID(),
      org_id: orgId,
      pulse_id: target.pulse.id,
      stage_key: target.kind === 'invite' ? target.invitation.stage_key : target.link.stage_key,
      score: answer.score,
      comment: answer.comment ?? null,
      day,
    });
    return 'recorded';
  });
}
