// eNPS results per team and period: one pulse's (GET /pulses/{id}/results, with the comments of
// shown cells) and every pulse's as the employee layer of the scorecard
// (GET /scorecard/employees). Cells below ENPS_MIN_ANSWERS are hidden: no value, no comments.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  EnpsQuery,
  PulseResultsOut,
  ScorecardEmployeesOut,
} from '../../../shared/api/pulse.ts';
import { activeEmployeesOf } from '../employees/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { publishedEnps, statusOf, type Enps, type ScoreCount } from './enps.ts';
import { periodIndex, periodLabel, windowOf, type PeriodUnit } from './periods.ts';
import { localDay } from './local-day.ts';
import * as repo from './pulse.repo.ts';

interface Cell extends Enps {
  stage: string | null;
  period: string;
  index: number;
}

const keyOf = (stage: string | null, index: number) => `${stage ?? '\u0000'}|${index}`;

async function cellsOf(
  ctx: Ctx,
  q: EnpsQuery,
  pulseId: string | undefined,
  teams: readonly (string | null)[],
) {
  const unit: PeriodUnit = q.period;
  const today = localDay(ctx.clock.now(), await orgTimeZone(ctx));
  const w = windowOf(unit, today, q);
  const rows = await repo.histogram(ctx.db, ctx.orgId, {
    from: w.from,
    to: w.to,
    pulseId,
    stage: q.stage,
  });
  const hist = new Map<string, ScoreCount[]>();
  const stages = new Set<string | null>(q.stage ? [q.stage] : teams);
  for (const r of rows) {
    stages.add(r.stage_key);
    const key = keyOf(r.stage_key, periodIndex(r.month, unit));
    hist.set(key, [...(hist.get(key) ?? []), { score: r.score, count: Number(r.count) }]);
  }
  const ordered = [...stages].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const cells: Cell[] = [];
  for (const stage of ordered)
    for (let index = w.first; index <= w.last; index += 1)
      cells.push({
        stage,
        period: periodLabel(index, unit),
        index,
        ...publishedEnps(hist.get(keyOf(stage, index)) ?? []),
      });
  return { w, unit, cells };
}

const wire = ({ index: _index, ...cell }: Cell) => cell;

export async function pulseResults(
  ctx: Ctx,
  pulseId: string,
  q: EnpsQuery,
): Promise<PulseResultsOut> {
  assertCan(ctx.actor, 'data.read');
  const pulse = await repo.getPulse(ctx.db, ctx.orgId, pulseId);
  const teams = pulse.stages ? (JSON.parse(pulse.stages) as string[]) : [];
  const { w, unit, cells } = await cellsOf(ctx, q, pulse.id, teams);
  const shown = new Set(cells.filter((c) => !c.hidden).map((c) => keyOf(c.stage, c.index)));
  const texts = new Map<string, string[]>();
  if (shown.size)
    for (const r of await repo.comments(ctx.db, ctx.orgId, { from: w.from, to: w.to, pulseId })) {
      const key = keyOf(r.stage_key, periodIndex(r.month, unit));
      if (shown.has(key)) texts.set(key, [...(texts.get(key) ?? []), r.comment!]);
    }
  return {
    period: unit,
    from: w.from,
    to: w.to,
    items: cells.map((c) => ({
      ...wire(c),
      comments: (texts.get(keyOf(c.stage, c.index)) ?? []).sort((a, b) => a.localeCompare(b)),
    })),
  };
}

/**
 * The employee layer of the scorecard: eNPS of every team (all pulses) per period.
 * Targets come from the stage registry (metric key `enps`, looked up by the route); a team
 * without one has target and status null.
 */
export async function employeeScorecard(
  ctx: Ctx,
  q: EnpsQuery,
  targetOf: (stage: string | null) => number | null = () => null,
): Promise<ScorecardEmployeesOut> {
  assertCan(ctx.actor, 'data.read');
  const people = await activeEmployeesOf(ctx);
  const teams = [...new Set(people.map((p) => p.stage_key).filter((s) => s !== null))];
  const { w, unit, cells } = await cellsOf(ctx, q, undefined, teams);
  return {
    period: unit,
    from: w.from,
    to: w.to,
    items: cells.map((c) => {
      const target = targetOf(c.stage);
      return { ...wire(c), metric: 'enps' as const, target, status: statusOf(c.enps, target) };
    }),
  };
}
