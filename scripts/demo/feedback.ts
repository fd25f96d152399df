// A year of feedback for the demo: each client leans its way (its disposition) and the year
// slowly improves, so the NPS trend has a story. What a client writes matches the score it gave
// and is in its contact's language (texts.ts); answers on the survey channel come through the
// demo's surveys as answers to invitations. The last records fall in the past week, so the inbox
// has fresh work within its SLA. Besides: three detractors from yesterday whose cases are due in
// the coming hours (at risk), and the few deliberate "score and text disagree" records.
import type { Ctx } from '../../server/context.ts';
import type { fixedClock } from '../../server/lib/clock.ts';
import { recordFeedback } from '../../server/modules/feedback/index.ts';
import { AT_RISK_AGES_HOURS } from './cases.ts';
import { STAGES, type CLIENTS } from './data.ts';
import type { DemoParty } from './parties.ts';
import type { DemoSurveys } from './surveys.ts';
import { bandOf, DISAGREEMENTS, TEXTS } from './texts.ts';

type DemoClient = (typeof CLIENTS)[number];
type Metric = 'nps' | 'csat' | 'ces';
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** All feedback records of the demo, the special ones below included. */
export const FEEDBACK_RECORDS = 600;
/** Records in the past seven days. */
const RECENT = 100;

export interface FeedbackInput {
  clients: readonly DemoClient[];
  parties: readonly DemoParty[];
  moods: readonly number[];
  surveys: DemoSurveys;
  now: number;
}

export async function loadFeedbackDemo(
  ctx: Ctx,
  clock: ReturnType<typeof fixedClock>,
  rand: () => number,
  input: FeedbackInput,
): Promise<{ count: number; nps: Array<Array<{ at: number; value: number }>> }> {
  const { clients, parties, moods, surveys, now } = input;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const nps = clients.map(() => [] as Array<{ at: number; value: number }>);
  let count = 0;
  const record = async (
    i: number,
    at: number,
    r: { index: number; contact: number; metric: Metric; value: number; text?: string },
    channel: 'survey' | 'email' | 'api' | 'phone' | 'manual',
    stage: string,
    sourceId: string,
  ) => {
    const client = clients[r.index]!;
    const contact = client.contacts[r.contact]!;
    const party = parties[r.index]!;
    clock.set(new Date(at));
    count += 1;
    if (r.metric === 'nps') nps[r.index]!.push({ at, value: r.value });
    if (channel === 'survey') {
      await surveys.answer(at, {
        metric: r.metric,
        stage,
        contactId: party.contacts[r.contact]!.id,
        score: r.value,
        ...(r.text ? { text: r.text } : {}),
      });
      // Another contact was invited too and has not answered (yet).
      const other = parties[Math.floor(rand() * parties.length)]!.contacts[0]!;
      if (rand() < 0.5 && i % 2 === 0) await surveys.unanswered(at, r.metric, stage, other.id);
      return;
    }
    await recordFeedback(
      ctx,
      {
        channel,
        client: { externalId: `demo-${r.index}`, name: client.name, segment: client.segment },
        contact: { email: contact.email, name: contact.name, language: contact.language ?? 'ru' },
        stage,
        score: { type: r.metric, value: r.value },
        ...(r.text ? { text: r.text } : {}),
        receivedAt: new Date(at).toISOString(),
        sourceId,
      },
      { skipAcknowledgement: true },
    );
  };

  const special = AT_RISK_AGES_HOURS.length + DISAGREEMENTS.length;
  const regular = FEEDBACK_RECORDS - special;
  for (let i = 0; i < regular; i++) {
    const index = Math.floor(rand() * clients.length);
    const client = clients[index]!;
    const contact = Math.floor(rand() * client.contacts.length);
    const ageDays = i >= regular - RECENT ? rand() * 7 : Math.floor(rand() * 360);
    const at = now - HOUR - ageDays * DAY - Math.floor(rand() * 8) * HOUR;
    const metric = pick(['nps', 'nps', 'csat', 'ces'] as const);
    const mood = rand() + (360 - ageDays) / 900 + moods[index]! * 0.3;
    const value =
      metric === 'nps'
        ? Math.min(10, Math.max(0, Math.round(mood * 11 - 0.5)))
        : metric === 'csat'
          ? Math.min(5, Math.max(1, Math.round(mood * 5)))
          : Math.min(7, Math.max(1, Math.round(8 - mood * 7)));
    const language = client.contacts[contact]!.language ?? 'ru';
    // Some Russian answers carry no comment; the English contacts always write one.
    const silent = language === 'ru' && rand() < 0.2;
    const text = silent ? undefined : pick(TEXTS[language][bandOf(metric, value)]);
    const stage = pick(STAGES);
    let channel = pick(['survey', 'survey', 'email', 'api', 'phone', 'manual'] as const);
    if (channel === 'survey' && !surveys.has(metric, stage)) channel = 'email';
    await record(i, at, { index, contact, metric, value, text }, channel, stage, `demo-${i}`);
  }
  // Detractors who phoned yesterday: high priority, due within the next hours.
  for (const [k, hours] of AT_RISK_AGES_HOURS.entries()) {
    const index = (k * 7 + 3) % clients.length;
    const text = TEXTS.ru.negative[k % TEXTS.ru.negative.length]!;
    const r = { index, contact: 0, metric: 'nps' as const, value: 2, text };
    await record(-1, now - hours * HOUR, r, 'phone', 'поддержка', `demo-at-risk-${k}`);
  }
  for (const [k, d] of DISAGREEMENTS.entries()) {
    const index = (k * 11 + 5) % clients.length;
    const r = { index, contact: 0, metric: 'nps' as const, value: d.nps, text: d.text };
    const at = now - (20 + k * 37) * DAY - 3 * HOUR;
    await record(-1, at, r, 'email', pick(STAGES), `demo-disagree-${k}`);
  }
  clock.set(new Date(now));
  return { count, nps };
}
