// The demo's surveys (issue 21: the survey pages were empty). Nine surveys on the journey stages —
// NPS on every stage, CSAT on delivery and support, CES on ordering and payment — created a year
// before the load. A record the demo gives the survey channel is an answer to an invitation sent
// one to three days earlier, through the same path as the public survey page; about a third of
// the invitations are never answered, so response rates are below 100 %.
import type { Logger } from 'pino';
import type { Ctx } from '../../server/context.ts';
import type { SurveysTable } from '../../server/db/types.ts';
import type { Deps } from '../../server/deps.ts';
import type { fixedClock } from '../../server/lib/clock.ts';
import { recordAnswer } from '../../server/modules/surveys/survey-answer.ts';
import { createInvites, createSurvey } from '../../server/modules/surveys/surveys.service.ts';

type Metric = 'nps' | 'csat' | 'ces';
const DAY = 86_400_000;
const PLAN: Array<{ metric: Metric; stage: string; name: string }> = [
  { metric: 'nps', stage: 'заказ', name: 'NPS после оформления заказа' },
  { metric: 'nps', stage: 'доставка', name: 'NPS после доставки' },
  { metric: 'nps', stage: 'документы', name: 'NPS: документы' },
  { metric: 'nps', stage: 'оплата', name: 'NPS: оплата и счета' },
  { metric: 'nps', stage: 'поддержка', name: 'NPS после обращения в поддержку' },
  { metric: 'csat', stage: 'доставка', name: 'Оценка доставки (CSAT)' },
  { metric: 'csat', stage: 'поддержка', name: 'Оценка поддержки (CSAT)' },
  { metric: 'ces', stage: 'заказ', name: 'Легко ли было оформить заказ (CES)' },
  { metric: 'ces', stage: 'оплата', name: 'Легко ли было оплатить (CES)' },
];

export interface DemoSurveys {
  /** Whether a survey asks this metric on this stage (else the record comes by another channel). */
  has(metric: Metric, stage: string): boolean;
  /** An invitation sent before `at`, answered at `at` with the score and comment. */
  answer(
    at: number,
    a: { metric: Metric; stage: string; contactId: string; score: number; text?: string },
  ): Promise<void>;
  /** An invitation sent at `at` that is never answered. */
  unanswered(at: number, metric: Metric, stage: string, contactId: string): Promise<void>;
  counts(): { surveys: number; invites: number; answers: number };
}

export async function loadSurveysDemo(
  deps: Deps,
  ctx: Ctx,
  clock: ReturnType<typeof fixedClock>,
  log: Logger,
  rand: () => number,
  now: number,
): Promise<DemoSurveys> {
  clock.set(new Date(now - 370 * DAY));
  const surveys = new Map<string, SurveysTable>();
  for (const p of PLAN)
    surveys.set(
      `${p.metric}:${p.stage}`,
      await createSurvey(ctx, { name: p.name, metric: p.metric, stage: p.stage }),
    );
  let invites = 0;
  let answers = 0;
  const invite = async (sentAt: number, survey: SurveysTable, contactId: string) => {
    clock.set(new Date(sentAt));
    invites += 1;
    const { items } = await createInvites(ctx, survey.id, { contactIds: [contactId], send: false });
    return items[0]!.invite;
  };
  return {
    has: (metric, stage) => surveys.has(`${metric}:${stage}`),
    async answer(at, a) {
      const survey = surveys.get(`${a.metric}:${a.stage}`)!;
      const sent = await invite(at - DAY * (1 + rand() * 2), survey, a.contactId);
      clock.set(new Date(at));
      await recordAnswer(
        deps,
        log,
        { kind: 'invite', survey, invite: sent, contact: undefined },
        { score: a.score, ...(a.text ? { comment: a.text } : {}) },
      );
      answers += 1;
    },
    async unanswered(at, metric, stage, contactId) {
      await invite(at, surveys.get(`${metric}:${stage}`)!, contactId);
    },
    counts: () => ({ surveys: surveys.size, invites, answers }),
  };
}
