// The care inbox (reminders) and the client timeline: reads that merge several modules' data.
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ReminderOut, TimelineItemOut } from '../../../shared/api/care.ts';
import { findClient } from '../clients/index.ts';
import { listCasesOfClient, listEventsOfCase } from '../cases/index.ts';
import { listFeedbackOfClient } from '../feedback/index.ts';
import { listSentMessagesOfClient } from '../messaging/index.ts';
import { missedCallsWithoutCallback } from '../telephony/index.ts';
import { assignedToMe } from './assigned.ts';
import { coverageOfClients, decisionMakerReminders } from './coverage.service.ts';
import { nextOccurrence } from './occurrence.ts';
import { remindersFromSources } from './reminder-sources.ts';
import * as repo from './care.repo.ts';
import * as reads from './reminders.repo.ts';

const DAY = 86_400_000;
/** A detractor's case still new/acknowledged this long after opening counts as "no follow-up". */
const FOLLOW_UP_GRACE_MS = 2 * DAY;
/** Detractors older than this are history, not a reminder. */
const DETRACTOR_LOOKBACK_MS = 90 * DAY;
const SLA_RISK_WINDOW_MS = DAY;
const PER_KIND_LIMIT = 200;

const snippet = (s: string | null | undefined, n = 80) =>
  s && s.length > n ? `${s.slice(0, n - 1)}…` : (s ?? '');
const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export async function reminders(
  ctx: Ctx,
  q: {
    days: number;
    silentDays: number;
    timeZone: string;
    mine?: 'true' | 'false';
    lang?: 'ru' | 'en';
  },
): Promise<ReminderOut[]> {
  assertCan(ctx.actor, 'data.read');
  if (q.mine === 'true') return assignedToMe(ctx);
  const now = ctx.clock.now();
  const items: ReminderOut[] = [];

  // The kinds are independent reads, asked at once: PostgreSQL runs them on several pooled
  // connections (the inbox answers in the time of the slowest, not of the sum); SQLite's one
  // connection takes them in turn as before. The items keep the order of the kinds below.
  const [dates, silent, detractors, atRisk, missed, keyAccounts, fromSources] = await Promise.all([
    repo.listDates(ctx.db, ctx.orgId),
    reads.silentClients(
      ctx.db,
      ctx.orgId,
      new Date(now.getTime() - q.silentDays * DAY).toISOString(),
      PER_KIND_LIMIT,
    ),
    reads.detractorsWithoutFollowUp(
      ctx.db,
      ctx.orgId,
      new Date(now.getTime() - DETRACTOR_LOOKBACK_MS).toISOString(),
      new Date(now.getTime() - FOLLOW_UP_GRACE_MS).toISOString(),
      PER_KIND_LIMIT,
    ),
    reads.casesAtSlaRisk(
      ctx.db,
      ctx.orgId,
      new Date(now.getTime() + SLA_RISK_WINDOW_MS).toISOString(),
      PER_KIND_LIMIT,
    ),
    // Missed calls nobody called back within the organisation's target (telephony settings).
    missedCallsWithoutCallback(ctx, { limit: PER_KIND_LIMIT }),
    decisionMakerReminders(ctx, PER_KIND_LIMIT),
    // Reminders of the modules above care (e.g. the portfolio's cell playbooks).
    remindersFromSources({
      db: ctx.db,
      orgId: ctx.orgId,
      now,
      lang: q.lang ?? 'ru',
      limit: PER_KIND_LIMIT,
    }),
  ]);
  const upcoming = dates
    .map((d) => ({ d, next: nextOccurrence(d.date, d.recurring === 1, now, q.timeZone) }))
    .filter((x) => x.next && x.next.daysUntil <= q.days)
    .sort((a, b) => a.next!.daysUntil - b.next!.daysUntil);
  const names = await reads.clientNames(ctx.db, ctx.orgId, [
    ...new Set(upcoming.map((x) => x.d.client_id)),
  ]);
  for (const { d, next } of upcoming.slice(0, PER_KIND_LIMIT)) {
    items.push({
      kind: 'upcoming_date',
      clientId: d.client_id,
      clientName: names.get(d.client_id) ?? '',
      title: d.title,
      at: next!.date,
      daysUntil: next!.daysUntil,
      ref: { type: 'date', id: d.id },
      link: `/clients/${d.client_id}?tab=dates`,
    });
  }

  for (const c of silent) {
    items.push({
      kind: 'silent_client',
      clientId: c.id,
      clientName: c.name,
      title: c.name,
      at: c.lastActivityAt,
      daysUntil: null,
      ref: { type: 'client', id: c.id },
      link: `/clients/${c.id}?tab=timeline`,
    });
  }

  for (const f of detractors) {
    const title = `${String(f.score_type).toUpperCase()} ${f.score_value}${f.text ? ` — ${snippet(f.text)}` : ''}`;
    items.push({
      kind: 'detractor_without_followup',
      clientId: f.client_id!,
      clientName: f.client_name,
      title,
      at: isoOf(f.received_at),
      daysUntil: null,
      ref: f.case_id ? { type: 'case', id: f.case_id } : { type: 'feedback', id: f.id },
      link: f.case_id ? `/cases/${f.case_id}` : `/feedback/${f.id}`,
    });
  }

  for (const c of atRisk) {
    items.push({
      kind: 'sla_risk',
      clientId: c.client_id!,
      clientName: c.client_name,
      title: `${c.public_ref} ${c.title}`,
      at: c.due_at ? isoOf(c.due_at) : null,
      daysUntil: null,
      ref: { type: 'case', id: c.id },
      link: `/cases/${c.id}`,
    });
  }

  const callers = await reads.clientNames(ctx.db, ctx.orgId, [
    ...new Set(missed.map((c) => c.client_id).filter((id): id is string => Boolean(id))),
  ]);
  for (const call of missed) {
    items.push({
      kind: 'missed_call',
      clientId: call.client_id ?? '',
      clientName: (call.client_id && callers.get(call.client_id)) || call.client_phone || '',
      title: call.client_phone ?? '',
      at: call.started_at,
      daysUntil: null,
      ref: { type: 'call', id: call.id },
      link: '/calls',
    });
  }

  items.push(...keyAccounts, ...fromSources);
  // Each row shows its client's role coverage (issue 17): one read for all the rows' clients.
  const clientIds = [...new Set(items.map((i) => i.clientId).filter(Boolean))];
  const coverage = await coverageOfClients(ctx, clientIds);
  return items.map((i) => {
    const c = coverage.get(i.clientId);
    return i.coverage || !c
      ? i
      : { ...i, coverage: { decisionMaker: c.decisionMaker, influencer: c.influencer } };
  });
}

// ---- timeline ----

/** Per source; a client's timeline beyond this many of one kind is cut at the oldest. */
const SOURCE_LIMIT = 500;

interface Cursor {
  at: string;
  key: string;
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.at === 'string' && typeof c.key === 'string') return c;
  } catch {
    /* fall through to the 400 below */
  }
  throw new AppError('validation_failed', 'The cursor is not valid', {
    invalidParams: [{ name: 'query.cursor', reason: 'not a cursor from a previous page' }],
  });
}
/** Newest first; ties broken by key so paging is stable. */
const newerFirst = (a: { at: string; key: string }, b: { at: string; key: string }) =>
  a.at === b.at ? (a.key < b.key ? 1 : a.key > b.key ? -1 : 0) : a.at < b.at ? 1 : -1;

export async function timeline(
  ctx: Ctx,
  clientId: string,
  q: { cursor?: string; limit: number },
): Promise<{ items: TimelineItemOut[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'data.read');
  const after = decode(q.cursor);
  if (!(await findClient(ctx, clientId))) throw notFound('Client');
  const keyed: { item: TimelineItemOut; at: string; key: string }[] = [];
  // The key is unique per item (case events share their case's ref, so they add their own id).
  const push = (item: TimelineItemOut, ownId = item.ref.id) =>
    keyed.push({ item, at: item.at, key: `${item.kind}:${ownId}` });

  for (const f of await listFeedbackOfClient(ctx, clientId, SOURCE_LIMIT)) {
    const score = f.score_type ? `${f.score_type.toUpperCase()} ${f.score_value}` : '';
    push({
      at: isoOf(f.received_at),
      kind: 'feedback',
      title: [score, snippet(f.text)].filter(Boolean).join(' — '),
      ref: { type: 'feedback', id: f.id },
    });
  }
  for (const c of await listCasesOfClient(ctx, clientId, SOURCE_LIMIT)) {
    const title = `${c.public_ref} ${c.title}`;
    push({ at: isoOf(c.created_at), kind: 'case_opened', title, ref: { type: 'case', id: c.id } });
    if (c.resolved_at)
      push({
        at: isoOf(c.resolved_at),
        kind: 'case_resolved',
        title,
        ref: { type: 'case', id: c.id },
      });
    for (const e of await listEventsOfCase(ctx, c.id)) {
      // "opened" and the resolving status change already appear as case items of their own.
      if (e.kind === 'opened' || (e.kind === 'status' && e.to_status === 'resolved')) continue;
      const what =
        e.kind === 'status'
          ? `${e.from_status ?? ''} → ${e.to_status ?? ''}`
          : e.kind === 'note'
            ? snippet(e.body)
            : e.kind;
      push(
        {
          at: isoOf(e.created_at),
          kind: 'case_event',
          title: `${c.public_ref}: ${what}`,
          ref: { type: 'case', id: c.id },
          caseEvent: {
            caseRef: c.public_ref,
            kind: e.kind,
            fromStatus: e.from_status,
            toStatus: e.to_status,
            body: e.kind === 'note' ? snippet(e.body) : e.body,
          },
        },
        e.id,
      );
    }
  }
  for (const m of await listSentMessagesOfClient(ctx, clientId, SOURCE_LIMIT)) {
    push({
      at: isoOf(m.sent_at ?? m.created_at),
      kind: 'message_sent',
      title: m.subject,
      ref: { type: 'message', id: m.id },
    });
  }
  for (const n of await repo.listNotes(ctx.db, ctx.orgId, clientId, SOURCE_LIMIT)) {
    push({
      at: isoOf(n.created_at),
      kind: 'note',
      title: snippet(n.text, 200),
      ref: { type: 'note', id: n.id },
    });
  }
  for (const v of await repo.listClientRequirementVersions(
    ctx.db,
    ctx.orgId,
    clientId,
    SOURCE_LIMIT,
  )) {
    const snap = JSON.parse(v.snapshot) as { text?: string; status?: string };
    push(
      {
        at: isoOf(v.created_at),
        kind: 'requirement_changed',
        title: `v${v.version} ${snippet(snap.text)}`,
        ref: { type: 'requirement', id: v.requirement_id },
      },
      v.id,
    );
  }

  keyed.sort(newerFirst);
  const start = after ? keyed.findIndex((k) => newerFirst(k, after) > 0) : 0;
  const rest = start < 0 ? [] : keyed.slice(start);
  const page = rest.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((k) => k.item),
    nextCursor: rest.length > q.limit && last ? encode({ at: last.at, key: last.key }) : null,
  };
}
