// "What moved this week" (issue 21), the CX lead's card on the Today page: NPS and CSAT with their
// answers and margins, new detractors, cases opened / resolved / past their SLA, and the stages
// and topics that moved most — this week against the one before, each figure read through the
// module that owns it (metrics' own report, cases' facts, text's topic counts) and each with the
// list behind it. Analytics sits above care, so the Today page asks for this card separately.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { DrillOut, WeekMovesOut } from '../../../shared/api/week-moves.ts';
import { listCaseFacts } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { topicCountsIn } from '../text/index.ts';
import { round1 } from './metrics.present.ts';
import { getSatisfactionReport, NO_VALUE_KEY } from './metrics.service.ts';
import type { Window } from './period.ts';
import type { SatisfactionResult } from './satisfaction.ts';
import { weekWindows, type WeekChoice } from './weeks.ts';

/** Below this many answers a score is shown but not compared ("too few to say"). */
export const MIN_RESPONSES = 5;
/** How many stages / topics each direction lists. */
export const MOVES_SHOWN = 3;

const feedbackDrill = (w: Window, params: Record<string, string>): DrillOut => ({
  list: 'feedback',
  params: { ...params, from: w.from, to: w.to },
});
const caseDrill = (which: 'opened' | 'resolved' | 'breached', w: Window): DrillOut => ({
  list: 'cases',
  params: { [`${which}From`]: w.from, [`${which}To`]: w.to },
});

function side(r: SatisfactionResult) {
  return {
    value: round1(r.value),
    responses: r.responses,
    marginOfError: round1(r.marginOfError),
    tooFew: r.responses < MIN_RESPONSES || r.value === null,
  };
}

async function score(ctx: Ctx, metric: 'nps' | 'csat', cur: Window, prev: Window) {
  const [a, b] = await Promise.all(
    [cur, prev].map((w) => getSatisfactionReport(ctx, { metric, ...w })),
  );
  const current = side(a!.groups[0]!.result);
  const previous = side(b!.groups[0]!.result);
  const comparable = !current.tooFew && !previous.tooFew;
  const change = comparable
    ? round1(a!.groups[0]!.result.value! - b!.groups[0]!.result.value!)
    : null;
  const noise = Math.hypot(current.marginOfError ?? 0, previous.marginOfError ?? 0);
  return {
    out: {
      current,
      previous,
      change,
      withinNoise: change !== null && Math.abs(change) <= noise,
      drill: feedbackDrill(cur, { scoreType: metric }),
    },
    detractors: [a!.groups[0]!.result, b!.groups[0]!.result].map((r) =>
      r.metric === 'nps' ? r.detractors : 0,
    ) as [number, number],
  };
}

async function stageMoves(ctx: Ctx, cur: Window, prev: Window) {
  const [a, b] = await Promise.all(
    [cur, prev].map((w) => getSatisfactionReport(ctx, { metric: 'nps', groupBy: 'stage', ...w })),
  );
  const before = new Map(b!.groups.map((g) => [g.key, g.result]));
  const moves = a!.groups.flatMap((g) => {
    const p = before.get(g.key);
    if (g.key === NO_VALUE_KEY || !p || g.result.value === null || p.value === null) return [];
    if (g.result.responses < MIN_RESPONSES || p.responses < MIN_RESPONSES) return [];
    return [
      {
        key: g.key,
        current: round1(g.result.value),
        previous: round1(p.value),
        change: round1(g.result.value - p.value),
        responses: g.result.responses,
        drill: feedbackDrill(cur, { scoreType: 'nps', stage: g.key }),
      },
    ];
  });
  return split(moves);
}

/** The biggest rises and falls, ties by key so the order never wobbles. */
function split<T extends { key: string; change: number }>(moves: T[]) {
  const by = (sign: 1 | -1) =>
    moves
      .filter((m) => m.change * sign > 0)
      .sort((x, y) => (y.change - x.change) * sign || x.key.localeCompare(y.key))
      .slice(0, MOVES_SHOWN);
  return { up: by(1), down: by(-1) };
}

async function topicMoves(ctx: Ctx, cur: Window, prev: Window) {
  const [a, b] = await Promise.all([topicCountsIn(ctx, cur), topicCountsIn(ctx, prev)]);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return split(
    keys.map((key) => {
      const current = a.get(key) ?? 0;
      const previous = b.get(key) ?? 0;
      // A topic gone quiet lists last week's records: those are what stopped.
      const w = current > 0 ? cur : prev;
      return {
        key,
        current,
        previous,
        change: current - previous,
        drill: feedbackDrill(w, { topic: key }),
      };
    }),
  );
}

export async function weekMoves(ctx: Ctx, week: WeekChoice): Promise<WeekMovesOut> {
  assertCan(ctx.actor, 'team.overview');
  const timeZone = await orgTimeZone(ctx);
  const { current: cur, previous: prev } = weekWindows(ctx.clock.now(), timeZone, week);
  const [nps, csat, stages, topics, facts] = await Promise.all([
    score(ctx, 'nps', cur, prev),
    score(ctx, 'csat', cur, prev),
    stageMoves(ctx, cur, prev),
    topicMoves(ctx, cur, prev),
    listCaseFacts(ctx, { from: prev.from, to: cur.to }),
  ]);
  const within = (at: string | null, w: Window) =>
    at !== null && Date.parse(at) >= Date.parse(w.from) && Date.parse(at) < Date.parse(w.to);
  const count = (pick: (f: (typeof facts)[number]) => string | null, w: Window) =>
    facts.filter((f) => within(pick(f), w)).length;
  const cases = (
    pick: (f: (typeof facts)[number]) => string | null,
    which: 'opened' | 'resolved' | 'breached',
  ) => ({
    current: count(pick, cur),
    previous: count(pick, prev),
    drill: caseDrill(which, cur),
  });
  return {
    week,
    timeZone,
    current: cur,
    previous: prev,
    minResponses: MIN_RESPONSES,
    nps: nps.out,
    csat: csat.out,
    detractors: {
      current: nps.detractors[0],
      previous: nps.detractors[1],
      drill: feedbackDrill(cur, { scoreType: 'nps', scoreMax: '6' }),
    },
    cases: {
      opened: cases((f) => f.openedAt, 'opened'),
      resolved: cases((f) => f.resolvedAt, 'resolved'),
      overdue: cases((f) => f.breachedAt, 'breached'),
    },
    stages,
    topics,
  };
}
