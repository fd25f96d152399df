// Public status page /status/{publicRef}: what the acknowledgement links to. No sign-in, no
// personal data, just the state of the request. The follow-up rating is rating-page.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { html, pickLanguage, publicPage } from '../../http/html.ts';
import { t } from '../../i18n/catalogue.ts';
import { parseStatusLink } from '../../lib/status-link.ts';
import { statusPath } from '../../lib/public-urls.ts';
import { findCaseByRef } from '../cases/index.ts';
import { findContact } from '../clients/index.ts';
import { findFeedbackByPublicRef, isLegacyStatusRef } from './feedback.repo.ts';
import { statusNotesFor } from './status-notes.ts';

const params = z.object({ ref: z.string().max(40) });
const query = z.object({
  lang: z.enum(['ru', 'en']).optional(),
  score: z.coerce.number().int().min(1).max(5).optional(),
});

/**
 * What a status link opens: a tagged link (≥ 96 bits, status-link.ts), or a bare reference of a
 * record that existed before links were tagged. `ref` is the short reference to show.
 */
export async function lookUp(deps: Deps, link: string) {
  const parsed = parseStatusLink(deps.config, link);
  if (!parsed) return undefined;
  const { ref } = parsed;
  if (parsed.legacy && !(await isLegacyStatusRef(deps.db, ref))) return undefined;
  const feedback = await findFeedbackByPublicRef(deps.db, ref);
  const kase = await findCaseByRef(deps.db, ref);
  if (!feedback && !kase) return undefined;
  const orgId = (feedback?.org_id ?? kase?.org_id)!;
  const contactId = feedback?.contact_id ?? kase?.contact_id ?? null;
  const contact = contactId ? await findContact({ db: deps.db, orgId }, contactId) : undefined;
  return { ref, feedback, kase, orgId, contact };
}

export function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

export function registerStatusPage(app: FastifyInstance, deps: Deps): void {
  const limited = {
    rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
  };

  const langOf = (req: FastifyRequest, fallback: 'ru' | 'en') =>
    pickLanguage((req.query as { lang?: string }).lang, req.headers['accept-language'], fallback);

  app.get(
    statusPath(':ref'),
    {
      config: limited,
      schema: {
        tags: ['public'],
        summary: 'Public status page of a request (HTML)',
        params,
        querystring: query,
      },
    },
    async (req, reply) => {
      const { ref } = req.params as z.infer<typeof params>;
      const found = await lookUp(deps, ref);
      const lang = langOf(req, found?.contact?.language ?? 'ru');
      const links = {
        ru: `${statusPath(encodeURIComponent(ref))}?lang=ru`,
        en: `${statusPath(encodeURIComponent(ref))}?lang=en`,
      };
      if (!found)
        return send(
          reply,
          404,
          publicPage({
            lang,
            title: t(lang, 'status.notFoundTitle'),
            langLinks: links,
            body: html`<h1>${t(lang, 'status.notFoundTitle')}</h1>
              <p>${t(lang, 'status.notFound')}</p>`,
          }),
        );
      const state =
        found.kase?.status ?? (found.feedback?.acknowledged_at ? 'acknowledged' : 'received');
      const received = new Date(
        found.feedback?.received_at ?? found.kase!.created_at,
      ).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      });
      const resolution =
        found.kase?.resolution && (state === 'resolved' || state === 'closed')
          ? html`<p><strong>${t(lang, 'status.resolution')}:</strong> ${found.kase.resolution}</p>`
          : html``;
      const stateText = t(lang, `status.state.${state}`);
      const notes = found.feedback
        ? await statusNotesFor({ db: deps.db, orgId: found.orgId }, found.feedback.id)
        : [];
      const youSaid = notes.length
        ? html`<h2>${t(lang, 'status.youSaid')}</h2>
            ${notes.map(
              (n) =>
                html`<p><strong>${n.title}</strong>${n.note ? html`<br />${n.note}` : html``}</p>`,
            )}`
        : html``;
      const body = html`<h1>${t(lang, 'status.statusTitle')}</h1>
        <p>${t(lang, 'status.reference')}: <strong>${found.ref}</strong></p>
        <p>${t(lang, 'status.statusLabel')}: <span class="badge">${stateText}</span></p>
        ${resolution} ${youSaid}
        <p class="muted">${t(lang, 'status.received')}: ${received} UTC</p>`;
      return send(
        reply,
        200,
        publicPage({
          lang,
          title: `${t(lang, 'status.statusTitle')} ${found.ref}`,
          langLinks: links,
          body,
        }),
      );
    },
  );
}
