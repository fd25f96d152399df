// What every rendered report is stamped with: the organisation's name, currency and time zone,
// the reader's language and the moment it was made.
import type { Ctx } from '../../context.ts';
import { baseCurrencyOf } from '../economics/index.ts';
import { orgOf } from '../orgs/index.ts';
import type { ReportOptions } from './pdf-doc.ts';

export async function reportOptionsOf(
  ctx: Ctx,
  lang: 'ru' | 'en' | undefined,
): Promise<ReportOptions> {
  const org = await orgOf(ctx);
  return {
    lang: lang ?? org.default_language,
    orgName: org.name,
    generatedAt: ctx.clock.now(),
    currency: await baseCurrencyOf(ctx),
    timeZone: org.time_zone ?? 'UTC',
  };
}
