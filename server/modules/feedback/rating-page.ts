// The follow-up rating of a resolved request, linked from the closing e-mail as
// /status/{ref}/rate?score=N. GET never records (issue 19): a mail scanner that follows every link
// must leave no rating behind, so GET shows the scale with N preselected and one tap on the
// button POSTs it. One rating per case: its source id makes a second post a no-op.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxFor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { acceptForms } from '../../http/form-body.ts';
import {
  html,
  pickLanguage,
  publicPage,
  raw,
  SCORE_SCALE_STYLE,
  scoreRadios,
  type Raw,
} from '../../http/html.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Actor } from '../../lib/permissions.ts';
import { ratePath } from '../../lib/public-urls.ts';
import { recordFeedback } from './feedback.service.ts';
import { lookUp, send } from './status-page.ts';

type Lang = 'ru' | 'en';
const params = z.object({ ref: z.string().max(40) });
const query = z.object({
  lang: z.enum(['ru', 'en']).optional(),
  score: z.coerce.number().int().min(1).max(5).optional(),
});
const SCORES = [1, 2, 3, 4, 5];
const STYLE = raw(`<style>${SCORE_SCALE_STYLE}</style>`);

/** The scale as a form, `score` preselected; nothing is stored until the button is pressed. */
function ratingForm(ref: string, lang: Lang, score: number | undefined) {
  const options = scoreRadios(SCORES, score);
  return html`${STYLE}<h1>${t(lang, 'status.rateTitle')}</h1>
    <p>${t(lang, 'status.rateQuestion')}</p>
    <form method="post" action="${ratePath(ref)}?lang=${lang}">
      <div class="scores">${options}</div>
      <button class="submit" type="submit">${t(lang, 'survey.submit')}</button>
    </form>`;
}

export async function registerRatingPage(app: FastifyInstance, deps: Deps): Promise<void> {
  const config = {
    rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
  };
  const langOf = (req: FastifyRequest, fallback: Lang) =>
    pickLanguage((req.query as { lang?: string }).lang, req.headers['accept-language'], fallback);
  const page = (reply: Parameters<typeof send>[0], status: number, lang: Lang, body: Raw) =>
    send(reply, status, publicPage({ lang, title: t(lang, 'status.rateTitle'), body }));

  /** The case a reference names, if it can be rated now; else the page that says why. */
  async function rateable(req: FastifyRequest, reply: Parameters<typeof send>[0]) {
    const { ref } = req.params as z.infer<typeof params>;
    const found = await lookUp(deps, ref);
    const lang = langOf(req, found?.contact?.language ?? 'ru');
    if (!found?.kase) {
      const body = html`<h1>${t(lang, 'status.notFoundTitle')}</h1>
        <p>${t(lang, 'status.notFound')}</p>`;
      await send(reply, 404, publicPage({ lang, title: t(lang, 'status.notFoundTitle'), body }));
      return undefined;
    }
    if (found.kase.status !== 'resolved' && found.kase.status !== 'closed') {
      const body = html`<h1>${t(lang, 'status.rateTitle')}</h1>
        <p>${t(lang, 'status.rateNotResolved')}</p>`;
      await page(reply, 409, lang, body);
      return undefined;
    }
    return { ref, lang, found, kase: found.kase };
  }

  await app.register(async (scope) => {
    acceptForms(scope);
    const schema = { tags: ['public'], params, querystring: query };
    scope.get(
      ratePath(':ref'),
      {
        config,
        schema: {
          ...schema,
          summary: 'Follow-up rating page (CSAT 1–5); ?score=N preselects, GET never records',
        },
      },
      async (req, reply) => {
        const ok = await rateable(req, reply);
        if (!ok) return reply;
        const { score } = req.query as z.infer<typeof query>;
        return page(reply, 200, ok.lang, ratingForm(ok.ref, ok.lang, score));
      },
    );
    scope.post(
      ratePath(':ref'),
      { config, schema: { ...schema, summary: 'Records the follow-up rating (form: score)' } },
      async (req, reply) => {
        const ok = await rateable(req, reply);
        if (!ok) return reply;
        const raw = (req.body as Record<string, unknown> | undefined)?.score;
        const score = typeof raw === 'string' && /^[1-5]$/.test(raw) ? Number(raw) : undefined;
        if (score === undefined)
          return page(reply, 400, ok.lang, ratingForm(ok.ref, ok.lang, undefined));
        const actor: Actor = { type: 'system', id: null, orgId: ok.found.orgId, role: 'manager' };
        await recordFeedback(
          ctxFor(deps, actor, req.log as never),
          {
            channel: 'survey',
            clientId: ok.kase.client_id ?? undefined,
            stage: ok.kase.stage ?? undefined,
            score: { type: 'csat', value: score },
            sourceId: `followup:${ok.kase.id}`,
          },
          { contactId: ok.kase.contact_id ?? undefined, skipAcknowledgement: true },
        );
        const body = html`<h1>${t(ok.lang, 'status.rateTitle')}</h1>
          <p>${t(ok.lang, 'status.rateThanks')}</p>`;
        return page(reply, 200, ok.lang, body);
      },
    );
  });
}
