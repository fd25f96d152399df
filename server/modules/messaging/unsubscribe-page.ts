// The unsubscribe page /unsubscribe/{token} (issue 15), linked from every message to a client's
// contact and named in its List-Unsubscribe header. Server-rendered, ru/en, no JavaScript.
// GET never changes anything (mail scanners follow links): it shows a one-button form. POST
// unsubscribes — from that form, or from a mail client's RFC 8058 one-click POST
// (List-Unsubscribe=One-Click, form-encoded or multipart). A forged, altered or unknown token
// gets one neutral page (404) whatever went wrong, and nothing is written.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxFor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { publicPageErrors } from '../../http/public-page-errors.ts';
import { acceptForms } from '../../http/form-body.ts';
import { html, pickLanguage, publicPage, type Raw } from '../../http/html.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Actor } from '../../lib/permissions.ts';
import { unsubscribePath } from '../../lib/public-urls.ts';
import { findContact, unsubscribeContact, unsubscribedContactIds } from '../clients/index.ts';
import { orgOf } from '../orgs/index.ts';
import * as repo from './messaging.repo.ts';
import { readUnsubscribeToken, unsubscribeKeys } from './unsubscribe-token.ts';

type Lang = 'ru' | 'en';
const params = z.object({ token: z.string().max(200) });
const query = z.object({ lang: z.enum(['ru', 'en']).optional() });

function send(reply: FastifyReply, status: number, lang: Lang, title: string, body: Raw) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(publicPage({ lang, title, body }));
}

const langOf = (req: FastifyRequest, fallback: Lang): Lang =>
  pickLanguage((req.query as { lang?: string }).lang, req.headers['accept-language'], fallback);

/** The same page for every token we did not make or whose contact is gone. */
function neutral(req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req, 'ru');
  const body = html`<h1>${t(lang, 'unsubscribe.invalidTitle')}</h1>
    <p>${t(lang, 'unsubscribe.invalid')}</p>`;
  return send(reply, 404, lang, t(lang, 'unsubscribe.invalidTitle'), body);
}

/** The contact and organisation a token names, if the token is ours and both still exist. */
async function resolve(deps: Deps, token: string) {
  const ids = readUnsubscribeToken(unsubscribeKeys(await repo.unsubscribeSecret(deps.db)), token);
  if (!ids) return undefined;
  const scope = { db: deps.db, orgId: ids.orgId };
  const contact = await findContact(scope, ids.contactId);
  if (!contact) return undefined;
  const org = await orgOf(scope);
  const off = (await unsubscribedContactIds(scope, [contact.id])).has(contact.id);
  return { contact, org, off };
}

/** RFC 8058: the one-click POST carries List-Unsubscribe=One-Click. */
function isOneClick(body: unknown): boolean {
  if (typeof body === 'string') return /List-Unsubscribe[\s\S]*One-Click/i.test(body);
  const field = (body as Record<string, unknown> | undefined)?.['List-Unsubscribe'];
  return field === 'One-Click';
}

export async function registerUnsubscribePage(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    acceptForms(scope);
    // A one-click POST may come as multipart/form-data: read as text, only the marker matters.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (_r, body, done) =>
      done(null, body),
    );
    publicPageErrors(scope, 'unsubscribe page', (req, reply, status, problem) => {
      // A bad or forged link gets the same neutral page as an unknown one.
      if (problem === 'badRequest') return neutral(req, reply);
      const lang = langOf(req, 'ru');
      const name = problem === 'tooMany' ? 'tooMany' : 'failed';
      const body = html`<h1>${t(lang, `survey.${name}Title`)}</h1>
        <p>${t(lang, `survey.${name}`)}</p>`;
      return send(reply, status, lang, t(lang, `survey.${name}Title`), body);
    });
    const config = {
      rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
    };
    const schema = { tags: ['public'], params, querystring: query };

    scope.get(
      unsubscribePath(':token'),
      {
        config,
        schema: {
          ...schema,
          summary: 'Unsubscribe page (HTML): a confirm form, GET never records',
        },
      },
      async (req, reply) => {
        const { token } = req.params as z.infer<typeof params>;
        const found = await resolve(deps, token);
        if (!found) return neutral(req, reply);
        const lang = langOf(req, found.contact.language);
        const org = found.org.name;
        const title = t(lang, 'unsubscribe.title');
        if (found.off) {
          const body = html`<h1>${title}</h1>
            <p>${t(lang, 'unsubscribe.already', { org })}</p>
            <p class="muted">${t(lang, 'unsubscribe.again')}</p>`;
          return send(reply, 200, lang, title, body);
        }
        const body = html`<h1>${title}</h1>
          <p>${t(lang, 'unsubscribe.question', { org })}</p>
          <p class="muted">${t(lang, 'unsubscribe.stops')}</p>
          <form method="post" action="${unsubscribePath(token)}?lang=${lang}">
            <input type="hidden" name="confirm" value="yes" />
            <button class="submit" type="submit">${t(lang, 'unsubscribe.button')}</button>
          </form>`;
        return send(reply, 200, lang, title, body);
      },
    );

    scope.post(
      unsubscribePath(':token'),
      {
        config,
        schema: {
          ...schema,
          summary: 'Unsubscribes the contact of the link (the form, or RFC 8058 one-click)',
        },
      },
      async (req, reply) => {
        const { token } = req.params as z.infer<typeof params>;
        const found = await resolve(deps, token);
        if (!found) return neutral(req, reply);
        const lang = langOf(req, found.contact.language);
        const actor: Actor = { type: 'system', id: null, orgId: found.org.id, role: 'manager' };
        await unsubscribeContact(
          ctxFor(deps, actor, req.log as never),
          found.contact.id,
          isOneClick(req.body) ? 'one_click' : 'link',
        );
        const title = t(lang, 'unsubscribe.title');
        const body = html`<h1>${title}</h1>
          <p>${t(lang, 'unsubscribe.done', { org: found.org.name })}</p>
          <p class="muted">${t(lang, 'unsubscribe.again')}</p>`;
        return send(reply, 200, lang, title, body);
      },
    );
  });
}
