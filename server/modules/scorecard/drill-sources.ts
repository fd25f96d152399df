// Where the rows behind each scorecard metric come from (issue 16): one loader per metric, each
// asking the module that owns the rows for exactly what that module counted for the scorecard.
// SQL-paged loaders (feedback, invitations, transactions, calls) return one page after the
// cursor; the others return the whole list, which drill.service.ts pages.
import type { Ctx } from '../../context.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import type { KeyCursor } from '../../lib/paging.ts';
import type { DrillKind, DrillRowOut } from '../../../shared/api/scorecard-layers.ts';
import { listStageDocuments, listStageRetention } from '../economics/index.ts';
import { listStageScoreRecords } from '../metrics/index.ts';
import { listStageInvites } from '../surveys/index.ts';
import type { DrillPeriod } from './drill-period.ts';

export interface DrillArgs {
  stage: string;
  metric: string;
  p: DrillPeriod;
  /** The organisation's date today, YYYY-MM-DD. */
  today: string;
  segment?: string;
  managerId?: string;
  before?: KeyCursor;
  limit: number;
}

/** A row before the client's name is looked up (only for the page that is answered). */
export type DrillRow = Omit<DrillRowOut, 'clientName'>;

export interface DrillRows {
  total: number;
  rows: DrillRow[];
}

export interface DrillSource {
  kind: DrillKind;
  /** True: `load` pages in SQL after `before` (strict cursors); false: it returns every row. */
  paged: boolean;
  load: (ctx: Ctx, a: DrillArgs) => Promise<DrillRows>;
}

export const row = (r: Partial<DrillRow> & Pick<DrillRow, 'id'>): DrillRow => ({
  at: null,
  ref: null,
  clientId: null,
  value: null,
  label: null,
  text: null,
  count: null,
  ...r,
});

const SCORE_LABELS = {
  nps: (s: number) => (s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor'),
  csat: (s: number) => (s >= 4 ? 'satisfied' : 'not_satisfied'),
  ces: (s: number) => (s <= 3 ? 'easy' : 'not_easy'),
} as const;

function feedback(scoreType: keyof typeof SCORE_LABELS): DrillSource {
  return {
    kind: 'feedback',
    paged: true,
    load: async (ctx, a) => {
      const { total, rows } = await listStageScoreRecords(ctx, {
        ...filterOf(a),
        scoreType,
        from: a.p.period.from,
        to: a.p.period.to,
      });
      return {
        total,
        rows: rows.map((r) =>
          row({
            id: r.id,
            at: r.receivedAt,
            ref: r.publicRef,
            clientId: r.clientId,
            value: r.score,
            label: SCORE_LABELS[scoreType](r.score),
            text: r.text,
          }),
        ),
      };
    },
  };
}

const invites: DrillSource = {
  kind: 'invites',
  paged: true,
  load: async (ctx, a) => {
    const { total, rows } = await listStageInvites(ctx, {
      ...filterOf(a),
      from: a.p.period.from,
      to: a.p.period.to,
    });
    return {
      total,
      rows: rows.map((r) =>
        row({
          id: r.id,
          at: r.createdAt,
          clientId: r.clientId,
          value: r.answeredAt ? 1 : 0,
          label: r.answeredAt ? 'answered' : 'not_answered',
          text: r.surveyName,
        }),
      ),
    };
  },
};

/** Sales and refunds dated in the period (revenue, ARPPU), or sales due in it (on-time share). */
function documents(due: boolean): DrillSource {
  return {
    kind: 'transactions',
    paged: true,
    load: async (ctx, a) => {
      const { total, rows } = await listStageDocuments(ctx, {
        ...filterOf(a),
        from: a.p.period.firstDay,
        to: a.p.period.nextDay,
        due,
      });
      return {
        total,
        rows: rows.map((t) =>
          row({
            id: t.id,
            at: due ? t.dueDate : t.date,
            ref: t.externalId,
            clientId: t.clientId,
            value: fromMinorUnits(t.kind === 'refund' ? -t.amountMinor : t.amountMinor),
            label: due ? paymentLabel(t.paidAt, t.dueDate!) : t.kind,
            text: t.product,
          }),
        ),
      };
    },
  };
}

const paymentLabel = (paidAt: string | null, dueDate: string) =>
  paidAt === null ? 'unpaid' : paidAt <= dueDate ? 'on_time' : 'late';

const retention: DrillSource = {
  kind: 'clients',
  paged: false,
  load: async (ctx, a) => {
    const { clients } = await listStageRetention(ctx, {
      stage: a.stage,
      segment: a.segment,
      managerId: a.managerId,
      from: a.p.period.firstDay,
      to: a.p.period.nextDay,
      nextTo: a.p.nextTo,
      today: a.today,
    });
    return {
      total: clients.length,
      rows: clients.map((c) =>
        row({
          id: c.clientId,
          at: c.firstSale,
          clientId: c.clientId,
          value: c.retained ? 1 : 0,
          label: c.retained ? 'retained' : 'lost',
        }),
      ),
    };
  },
};

const filterOf = (a: DrillArgs) => ({
  stage: a.stage,
  segment: a.segment,
  managerId: a.managerId,
  before: a.before,
  limit: a.limit,
});

/** The satisfaction and transactional layers' metrics (narrowed by segment and manager). */
export const CLIENT_SOURCES: Record<string, DrillSource> = {
  nps: feedback('nps'),
  csat: feedback('csat'),
  ces: feedback('ces'),
  response_rate: invites,
  revenue: documents(false),
  arppu: documents(false),
  on_time_share: documents(true),
  retention,
};
