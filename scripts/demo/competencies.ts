// Demo competencies (issue 18): three competencies linked to scorecard metrics, the models of
// the support stage's two positions, manager assessments of the support team (a gap in empathy
// for some operators), 360 answers (three colleagues for one person: shown; two for another:
// hidden), training items made from two gaps, the onboarding template and one checklist for the
// most recent hire, its first item ticked.
import type { Ctx } from '../../server/context.ts';
import { teamOf } from '../../server/modules/employees/index.ts';
import { createUser } from '../../server/modules/orgs/orgs.service.ts';
import { createAssessment } from '../../server/modules/competencies/assessments.service.ts';
import {
  createCompetency,
  putModel,
} from '../../server/modules/competencies/competencies.service.ts';
import {
  createChecklist,
  putTemplate,
  tickChecklistItem,
} from '../../server/modules/competencies/onboarding.service.ts';
import { createTrainingItem } from '../../server/modules/competencies/training.service.ts';

const STAGE = 'поддержка';

export async function loadCompetenciesDemo(
  ctx: Ctx,
  rand: () => number,
  now: Date,
): Promise<{ assessed: number; training: number }> {
  const empathy = await createCompetency(ctx, {
    nameRu: 'Эмпатия',
    nameEn: 'Empathy',
    description: 'Слышит клиента, признаёт его проблему, говорит на его языке',
    metricKey: 'csat',
  });
  const product = await createCompetency(ctx, {
    nameRu: 'Знание продукта',
    nameEn: 'Product knowledge',
    metricKey: 'cases.resolve_minutes',
  });
  const objections = await createCompetency(ctx, {
    nameRu: 'Работа с возражениями',
    nameEn: 'Handling objections',
    metricKey: 'nps',
  });
  await putModel(ctx, {
    position: 'Оператор поддержки',
    levels: { [empathy.id]: 4, [product.id]: 4, [objections.id]: 3 },
  });
  await putModel(ctx, {
    position: 'Руководитель поддержки',
    levels: { [empathy.id]: 5, [product.id]: 4, [objections.id]: 4 },
  });
  const team = (await teamOf(ctx, { stage: STAGE })).filter((p) => p.position);
  let assessed = 0;
  for (const [i, p] of team.entries()) {
    // Every third operator is short of empathy by two levels, the rest by one or none.
    const empathyLevel = i % 3 === 0 ? 2 : 3 + Math.floor(rand() * 3);
    await createAssessment(ctx, p.id, {
      kind: 'manager',
      levels: {
        [empathy.id]: Math.min(5, empathyLevel),
        [product.id]: 3 + Math.floor(rand() * 3),
        [objections.id]: 2 + Math.floor(rand() * 3),
      },
    });
    assessed += 1;
  }
  // 360: three colleagues rate the first operator's objections handling (shown), two rate the
  // second's (hidden below the threshold of 3).
  const peers: Ctx[] = [];
  for (const n of [1, 2, 3]) {
    const user = await createUser(ctx, {
      email: `colleague${n}@severveter.example.ru`,
      name: `Коллега ${n}`,
      password: `demo-colleague-${n}-${Math.floor(rand() * 1e9)}`,
      role: 'viewer',
      language: 'ru',
    });
    peers.push({ ...ctx, actor: { type: 'user', id: user.id, orgId: ctx.orgId, role: 'viewer' } });
  }
  const [first, second] = team;
  for (const [i, peer] of peers.entries()) {
    if (first)
      await createAssessment(peer, first.id, {
        kind: 'peer',
        levels: { [objections.id]: 3 + (i % 2) },
      });
    if (second && i < 2)
      await createAssessment(peer, second.id, { kind: 'peer', levels: { [objections.id]: 4 } });
  }
  // Training from two gaps: a course in empathy for the first two short of it.
  let training = 0;
  for (const p of team.filter((_, i) => i % 3 === 0).slice(0, 2)) {
    const due = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createTrainingItem(ctx, {
      employeeId: p.id,
      competencyId: empathy.id,
      kind: training === 0 ? 'course' : 'mentoring',
      dueDate: due,
      status: training === 0 ? 'in_progress' : 'planned',
    });
    training += 1;
  }
  await putTemplate(ctx, {
    items: [
      { titleRu: 'Выдать пропуск и ноутбук', titleEn: 'Issue the badge and laptop' },
      { titleRu: 'Доступы к CRM и ClientLoop', titleEn: 'Access to the CRM and ClientLoop' },
      { titleRu: 'Знакомство с командой и наставником', titleEn: 'Meet the team and the mentor' },
      { titleRu: 'Курс по продукту', titleEn: 'Product course' },
    ],
  });
  const everyone = await teamOf(ctx);
  const newest = everyone
    .filter((p) => p.hire_date)
    .sort((a, b) => b.hire_date!.localeCompare(a.hire_date!))[0];
  if (newest) {
    const list = await createChecklist(ctx, newest.id);
    await tickChecklistItem(ctx, list.id, list.items[0]!.id, true);
  }
  return { assessed, training };
}
