// The training suggestion rule (issue 18, SPEC C11; docs/competencies.md): when a stage's
// operational or satisfaction metric is red in the window's last period and some employee of the
// stage falls short in a competency linked to that metric (the competency's metricKey), suggest
// training in that competency for exactly those people. Statuses come from the scorecard itself
// (layers.service.ts), gaps from the competencies module (loop layer, through its index).
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type {
  TrainingSuggestionOut,
  TrainingSuggestionsOut,
  TrainingSuggestionsQuery,
} from '../../../shared/api/scorecard-training.ts';
import { stageCompetencyGaps } from '../competencies/index.ts';
import { getScorecard } from './layers.service.ts';

export async function trainingSuggestions(
  ctx: Ctx,
  q: TrainingSuggestionsQuery,
): Promise<TrainingSuggestionsOut> {
  assertCan(ctx.actor, 'scorecard.read');
  const card = await getScorecard(ctx, { period: q.period, from: q.from, to: q.to });
  const period = card.periods.at(-1)!;
  const items: TrainingSuggestionOut[] = [];
  for (const stage of card.stages) {
    const red = [
      ...stage.layers.satisfaction.map((m) => ({ m, layer: 'satisfaction' as const })),
      ...stage.layers.operational.map((m) => ({ m, layer: 'operational' as const })),
    ].filter(({ m }) => m.status === 'red');
    if (red.length === 0) continue;
    const gaps = await stageCompetencyGaps(ctx, stage.key);
    for (const { m, layer } of red)
      for (const g of gaps.filter((x) => x.competency.metricKey === m.metric))
        items.push({
          stage: { key: stage.key, nameRu: stage.nameRu, nameEn: stage.nameEn },
          metric: m.metric,
          metricName: m.name,
          metricNameEn: m.nameEn,
          layer,
          value: m.value,
          target: m.target,
          status: 'red',
          period,
          competency: {
            id: g.competency.id,
            nameRu: g.competency.nameRu,
            nameEn: g.competency.nameEn,
          },
          people: g.people,
        });
  }
  return { from: card.from, to: card.to, items };
}
