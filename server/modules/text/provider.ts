// Optional analysis by an operator-configured OpenAI-compatible endpoint (TEXT_PROVIDER_URL).
// The operator chose the URL, so no SSRF guard; every failure (network, timeout, bad JSON, an
// answer outside the schema) returns null and the caller falls back to the offline model.
import { z } from 'zod';
import { SENTIMENT_LABELS } from '../../../shared/domain/vocabulary.ts';

const answer = z.object({
  sentiment: z.enum(SENTIMENT_LABELS),
  score: z.number().min(-1).max(1),
  topics: z.array(z.string()).max(20),
});
export type ProviderAnswer = z.infer<typeof answer>;

const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export const PROVIDER_TIMEOUT_MS = 5_000;

export async function analyseWithProvider(
  url: string,
  text: string,
  topicKeys: string[],
  timeoutMs = PROVIDER_TIMEOUT_MS,
): Promise<ProviderAnswer | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      body: JSON.stringify({
        temperature: 0,
        messages: [
          {
            role: 'system',
            content: `Classify client feedback. Reply with JSON only: {"sentiment":"positive|neutral|negative","score":-1..1,"topics":[keys]} using only these topic keys: ${topicKeys.join(', ')}. Questions and requests are neutral.`,
          },
          { role: 'user', content: text.slice(0, 4000) },
        ],
      }),
    });
    if (!res.ok) return null;
    const content = completion.parse(await res.json()).choices[0]!.message.content;
    const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
    const parsed = answer.parse(JSON.parse(json));
    return { ...parsed, topics: parsed.topics.filter((k) => topicKeys.includes(k)) };
  } catch {
    return null;
  }
}
