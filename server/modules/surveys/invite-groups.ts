// The invitation rollup per client group (issue 16, ADR 018): personal invitations sent and
// answered per month of sending × survey stage × the segment and manager of the contact's client,
// so the response rate of a scorecard narrowed to a segment or a manager reads a few hundred
// counts instead of the invitations. Written in the transactions that send and answer
// invitations (in the rollup's zone), moved when a client changes group (clients.regrouped), a
// survey changes stage, stages merge or a contact is deleted; counted again on a zone change.
import type { OrgScope } from '../../context.ts';
import type { ClientsRegrouped } from '../clients/index.ts';
import { monthIndex, monthLabel, monthOfInstant, monthStart } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import * as repo from './invite-groups.repo.ts';

type Counted = Awaited<ReturnType<typeof repo.countedInvites>>[number];

/** Sums rows with the same key; rows that sum to nothing are left out. */
function summed(rows: Iterable<repo.InviteGroupRow>): repo.InviteGroupRow[] {
  const sums = new Map<string, repo.InviteGroupRow>();
  for (const r of rows) {
    const key = `${r.segment}|${r.manager}|${r.month}|${r.stage}`;
    const row = sums.get(key);
    if (row) {
      row.sent += r.sent;
      row.answered += r.answered;
    } else sums.set(key, { ...r });
  }
  return [...sums.values()].filter((r) => r.sent !== 0 || r.answered !== 0);
}

const CHUNK = 1_000;
async function addAll(s: OrgScope, rows: readonly repo.InviteGroupRow[], drop = false) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await repo.addInviteGroups(s.db, s.orgId, rows.slice(i, i + CHUNK));
  if (drop) await repo.dropEmptyInviteGroups(s.db, s.orgId);
}

/** The rollup's zone, chosen on first use (the organisation's). */
async function zoneOf(s: OrgScope): Promise<string> {
  const zone = await repo.findZone(s.db, s.orgId);
  if (zone !== undefined) return zone;
  const timeZone = await orgTimeZone(s);
  await repo.saveZone(s.db, s.orgId, timeZone);
  return timeZone;
}

const rowOf = (
  r: Counted,
  zone: string,
  sign: 1 | -1,
  over: Partial<repo.InviteGroupRow> = {},
): repo.InviteGroupRow => ({
  segment: r.segment,
  manager: r.manager,
  month: monthOfInstant(r.createdAt, zone),
  stage: r.stage,
  sent: sign,
  answered: r.answered ? sign : 0,
  ...over,
});

/** New invitations, inside the transaction that inserts them (after the insert). */
export async function recordInvitesSent(s: OrgScope, inviteIds: readonly string[]) {
  if (inviteIds.length === 0) return;
  const zone = await zoneOf(s);
  for (let i = 0; i < inviteIds.length; i += CHUNK) {
    const rows = await repo.countedInvites(s.db, s.orgId, {
      inviteIds: inviteIds.slice(i, i + CHUNK),
    });
    await addAll(s, summed(rows.map((r) => rowOf(r, zone, 1, { answered: 0 }))));
  }
}

/** An invitation answered for the first time, in the transaction that marks it. */
export async function recordInviteAnswered(s: OrgScope, inviteId: string) {
  const zone = await zoneOf(s);
  const rows = await repo.countedInvites(s.db, s.orgId, { inviteIds: [inviteId] });
  await addAll(s, summed(rows.map((r) => rowOf(r, zone, 1, { sent: 0, answered: 1 }))));
}

/** Months per rebuild scan: the bucket expression grows with them. */
const SPAN = 36;

/** Counts the organisation's invitations again, in its current zone. */
export async function rebuildInviteGroups(s: OrgScope, timeZone?: string): Promise<void> {
  const zone = timeZone ?? (await orgTimeZone(s));
  await repo.saveZone(s.db, s.orgId, zone);
  await repo.clearInviteGroups(s.db, s.orgId);
  const range = await repo.sentRange(s.db, s.orgId);
  if (!range) return;
  const first = monthIndex(monthOfInstant(range.first, zone));
  const last = monthIndex(monthOfInstant(range.last, zone));
  for (let from = first; from <= last; from += SPAN) {
    const months = Array.from({ length: Math.min(SPAN, last - from + 1) }, (_, i) => from + i);
    const bounds = [...months, months.at(-1)! + 1].map((m) =>
      new Date(monthStart(m, zone)).toISOString(),
    );
    const rows = await repo.countInvitesByBucket(s.db, s.orgId, bounds);
    await addAll(
      s,
      rows.map(({ bucket, ...r }) => ({ ...r, month: monthLabel(months[bucket]!) })),
    );
  }
}

const REBUILD_ABOVE = 5_000;
const READ_CHUNK = 500;

/** clients.regrouped: each client's invitations leave its old group for its new one. */
export async function regroupInviteGroups(s: OrgScope, e: ClientsRegrouped): Promise<void> {
  const zone = await repo.findZone(s.db, s.orgId);
  if (zone === undefined || e.changes.length === 0) return; // nothing counted yet
  if (e.changes.length > REBUILD_ABOVE) return rebuildInviteGroups(s);
  const byClient = new Map(e.changes.map((c) => [c.clientId, c]));
  const ids = [...byClient.keys()];
  const deltas: repo.InviteGroupRow[] = [];
  for (let i = 0; i < ids.length; i += READ_CHUNK)
    for (const r of await repo.countedInvites(s.db, s.orgId, {
      clientIds: ids.slice(i, i + READ_CHUNK),
    })) {
      const { before, after } = byClient.get(r.clientId!)!;
      deltas.push(
        rowOf(r, zone, -1, { segment: before.segment ?? '', manager: before.managerId ?? '' }),
        rowOf(r, zone, 1, { segment: after.segment ?? '', manager: after.managerId ?? '' }),
      );
    }
  await addAll(s, summed(deltas), true);
}

/**
 * Takes invitations out (`-1`, before they go: a contact deleted) or puts them in (`1`), read
 * with their survey's current stage: a survey's change of stage is a take-out before the
 * update and a put-in after it.
 */
export async function countInvitesOf(
  s: OrgScope,
  by: { contactIds?: readonly string[]; surveyId?: string },
  sign: 1 | -1,
): Promise<void> {
  const zone = await repo.findZone(s.db, s.orgId);
  if (zone === undefined) return;
  const rows = await repo.countedInvites(s.db, s.orgId, by);
  await addAll(s, summed(rows.map((r) => rowOf(r, zone, sign))), sign < 0);
}

/** A merge of stages moves the counts of one key onto the other (ADR 012). */
export async function mergeInviteGroups(s: OrgScope, e: { fromKey: string; intoKey: string }) {
  await repo.moveInviteStage(s.db, s.orgId, e.fromKey, e.intoKey);
}

/**
 * Sent and answered per (month, stage) of months [fromMonth, toMonth) of one segment's or one
 * manager's clients (or both), counted in `timeZone`; null when counted in another zone.
 */
export async function inviteGroupsOf(
  s: OrgScope,
  q: {
    fromMonth: string;
    toMonth: string;
    timeZone: string;
    stage?: string;
    segment?: string;
    managerId?: string;
  },
) {
  if ((await repo.findZone(s.db, s.orgId)) !== q.timeZone) return null;
  return repo.sumInviteGroups(s.db, s.orgId, { ...q, manager: q.managerId });
}
