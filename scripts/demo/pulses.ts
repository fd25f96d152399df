// Demo eNPS pulses: one pulse a month for the last six months (the running one still open), each
// answered anonymously through the teams' shared links on days inside its month. Teams differ —
// support is proud, delivery (couriers without e-mail) answers rarely and stays below 5 answers,
// so the pulses page and the scorecard show a hidden team.
import type { Ctx } from '../../server/context.ts';
import type { Deps } from '../../server/deps.ts';
import { recordPulseAnswer } from '../../server/modules/pulse/pulse-answer.ts';
import { linksOf } from '../../server/modules/pulse/pulse.repo.ts';
import { createPulse, setPulseStatus } from '../../server/modules/pulse/pulse.service.ts';

const DAY = 86_400_000;
/** Per team: answers a month [min, max] and the chance of a 9–10 and of a 0–6. */
const MOOD: Record<string, { answers: [number, number]; promoter: number; detractor: number }> = {
  заказ: { answers: [5, 7], promoter: 0.45, detractor: 0.2 },
  доставка: { answers: [2, 4], promoter: 0.2, detractor: 0.5 },
  документы: { answers: [5, 6], promoter: 0.35, detractor: 0.3 },
  оплата: { answers: [4, 6], promoter: 0.4, detractor: 0.25 },
  поддержка: { answers: [6, 8], promoter: 0.65, detractor: 0.1 },
};
const COMMENTS = [
  'Хорошая команда, помогают новичкам',
  'Не хватает обучения по новой системе',
  'Много переработок в конце месяца',
  'Понятные цели, спасибо руководителю',
  'Хотелось бы больше обратной связи',
  'Зарплата ниже рынка',
];

export async function loadPulsesDemo(
  deps: Deps,
  ctx: Ctx,
  clock: { set(d: Date): void },
  rand: () => number,
  now: Date,
): Promise<{ pulses: number; answers: number }> {
  let answers = 0;
  const monthStart = (back: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1, 9));
  for (let back = 5; back >= 0; back--) {
    const start = monthStart(back);
    clock.set(start);
    // Named in words ("Пульс: декабрь 2026"), never "2026-12" (issue 21).
    const month = new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' }).format(start);
    const { pulse } = await createPulse(ctx, {
      name: `Пульс: ${month} ${start.getUTCFullYear()}`,
      language: 'ru',
      send: false,
    });
    const end = Math.min(monthStart(back - 1).getTime() - DAY, now.getTime());
    for (const link of await linksOf(deps.db, ctx.orgId, pulse.id)) {
      const mood = MOOD[link.stage_key] ?? { answers: [5, 6], promoter: 0.4, detractor: 0.2 };
      const count = mood.answers[0] + Math.floor(rand() * (mood.answers[1] - mood.answers[0] + 1));
      for (let i = 0; i < count; i++) {
        clock.set(new Date(start.getTime() + rand() * Math.max(0, end - start.getTime())));
        const r = rand();
        const score =
          r < mood.promoter
            ? 9 + Math.floor(rand() * 2)
            : r < mood.promoter + mood.detractor
              ? Math.floor(rand() * 7)
              : 7 + Math.floor(rand() * 2);
        const comment = rand() < 0.4 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : undefined;
        await recordPulseAnswer(deps, { kind: 'team', pulse, link }, { score, comment });
        answers += 1;
      }
    }
    clock.set(now);
    if (back > 0) await setPulseStatus(ctx, pulse.id, 'closed');
  }
  return { pulses: 6, answers };
}
