// One record's analysis: language, sentiment and topics, from the provider when configured and
// answering, else from the offline model; then a person's correction wins over either.
import type { TextCorrectionsTable } from '../../db/types.ts';
import type { TextAnalysis } from './text.repo.ts';
import { detectLanguage } from '../../lib/text/language.ts';
import { sentimentWithPrior, type ScorePrior } from '../../lib/text/sentiment.ts';
import { aspectSentiments } from '../../lib/text/aspects.ts';
import { predictTopics } from '../../lib/text/topic-model.ts';
import type { TopicDef } from '../../lib/text/topics.ts';
import { analyseWithProvider } from './provider.ts';

export interface AnalyseInput {
  text: string | null;
  score: ScorePrior;
  topics: TopicDef[];
  providerUrl?: string;
  /** The operator's OUTBOUND_ALLOWED_HOSTS, for the provider's SSRF check. */
  providerAllowedHosts?: readonly string[];
}

export async function analyseText(
  input: AnalyseInput,
): Promise<TextAnalysis & { source: 'offline' | 'provider' }> {
  const text = input.text?.trim() || null;
  const language = text ? detectLanguage(text) : null;
  if (text && input.providerUrl) {
    const remote = await analyseWithProvider(
      input.providerUrl,
      text,
      input.topics.map((t) => t.key),
      { allowedHosts: input.providerAllowedHosts },
    );
    if (remote)
      return {
        language,
        sentimentLabel: remote.sentiment,
        sentimentScore: remote.score,
        topics: remote.topics,
        topicSentiments: null,
        source: 'provider',
      };
  }
  const sentiment = sentimentWithPrior(text, input.score);
  const topics = text ? predictTopics(text, input.topics) : [];
  return {
    language,
    sentimentLabel: sentiment?.label ?? null,
    sentimentScore: sentiment?.score ?? null,
    topics,
    topicSentiments:
      text && sentiment ? aspectSentiments(text, topics, input.topics, sentiment.label) : null,
    source: 'offline',
  };
}

const CORRECTED_SCORE = { positive: 1, neutral: 0, negative: -1 } as const;

export function applyCorrection(
  a: TextAnalysis,
  c: TextCorrectionsTable | undefined,
): TextAnalysis {
  if (!c) return a;
  const topics = c.topics !== null ? (JSON.parse(c.topics) as string[]) : a.topics;
  // Aspects of the topics that remain; a topic a person added reads as the record's sentiment.
  const kept = Object.entries(a.topicSentiments ?? {}).filter(([k]) => topics.includes(k));
  return {
    language: a.language,
    sentimentLabel: c.sentiment_label ?? a.sentimentLabel,
    sentimentScore: c.sentiment_label ? CORRECTED_SCORE[c.sentiment_label] : a.sentimentScore,
    topics,
    topicSentiments: kept.length ? Object.fromEntries(kept) : null,
  };
}
