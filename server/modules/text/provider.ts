// Optional analysis by an operator-configured OpenAI-compatible endpoint (TEXT_PROVIDER_URL).
// The URL goes through the SSRF guard unless its host is in the operator's OUTBOUND_ALLOWED_HOSTS
// (a model on this machine, say); redirects are not followed and the answer is read up to 1 MiB
// (issue 19). Every failure (refused, network, timeout, too big, bad JSON, an answer outside the
// schema) returns null and the caller falls back to the offline model.
import { z } from 'zod';
import { checkOutboundTarget, systemResolver, type Resolver } from '../../lib/net/ssrf-guard.ts';
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
export const PROVIDER_MAX_ANSWER_BYTES = 1_048_576;

export interface ProviderOptions {
  /** OUTBOUND_ALLOWED_HOSTS: a provider on one of these hosts is not checked by the guard. */
  allowedHosts?: readonly string[];
  resolve?: Resolver;
  timeoutMs?: number;
}

/** The body as text, or null past `limit` bytes (the rest is never read). */
async function readCapped(res: Response, limit: number): Promise<string | null> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function analyseWithProvider(
  url: string,
  text: string,
  topicKeys: string[],
  opts: ProviderOptions = {},
): Promise<ProviderAnswer | null> {
  const timeoutMs = opts.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  try {
    const policy = { allowedHosts: opts.allowedHosts ?? [], allowedReach: 'any' as const };
    const target = await checkOutboundTarget(url, policy, opts.resolve ?? systemResolver);
    if (!target.ok) return null;
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'error',
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
    const body = await readCapped(res, PROVIDER_MAX_ANSWER_BYTES);
    if (body === null) return null;
    const content = completion.parse(JSON.parse(body)).choices[0]!.message.content;
    const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
    const parsed = answer.parse(JSON.parse(json));
    return { ...parsed, topics: parsed.topics.filter((k) => topicKeys.includes(k)) };
  } catch {
    return null;
  }
}
