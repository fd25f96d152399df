// Public pulse pages: /p/{token} (personal invitation) and /p/t/{token} (a team's shared link).
// Server-rendered HTML that works without JavaScript and on a phone, ru/en, like the survey pages;
// every outcome — a forged token, a second answer, a closed pulse, bad input — is a neutral page,
// never JSON, never a 500. A shared link takes one answer per browser: a cookie on the link's
// path, the best a link without a person can do (a new browser can answer again).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { publicPageErrors } from '../../http/public-page-errors.ts';
import { acceptForms } from '../../http/form-body.ts';
import {
  html,
  pickLanguage,
  publicPage,
  raw,
  SCORE_SCALE_STYLE,
  scoreRadios,
} from '../../http/html.ts';
import { t } from '../../i18n/catalogue.ts';
import { pulseInvitePath, pulseTeamPath } from '../../lib/public-urls.ts';
import {
  findInviteTarget,
  findTeamTarget,
  recordPulseAnswer,
  stateOf,
  type PulseTarget,
} from './pulse-answer.ts';

type Lang = 'ru' | 'en';
const MAX_COMMENT = 2000;
const SCORES = Array.from({ length: 11 }, (_, i) => i);
const COOKIE_DAYS = 365;
const params = z.object({ token: z.string() });
const query = z.object({
  lang: z.string().max(10).optional(),
  score: z.string().max(10).optional(),
});

const EXTRA_STYLE = raw(`<style>
fieldset{border:0;margin:0;padding:0}legend{font-weight:600;padding:0}
${SCORE_SCALE_STYLE}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#5c5f66;margin:-.5rem 0 1rem}
label.comment{display:block;margin:.5rem 0 .35rem}
</style>`);

type PageName = 'tooMany' | 'badRequest' | 'failed' | 'notFound' | 'already' | 'closed' | 'thanks';

function send(reply: FastifyReply, status: number, page: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(page);
}

function message(reply: FastifyReply, status: number, lang: Lang, name: PageName) {
  const title = t(lang, `pulse.${name}Title`);
  return send(
    reply,
    status,
    publicPage({ lang, title, body: html`<h1>${title}</h1><p>${t(lang, `pulse.${name}`)}</p>` }),
  );
}

function parseScore(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{1,2}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 10 ? n : undefined;
}

function form(lang: Lang, action: string, s: { score?: number; comment?: string; error?: string }) {
  const error = s.error ? html`<p class="error" role="alert">${s.error}</p>` : raw('');
  return html`${EXTRA_STYLE}
    <h1>${t(lang, 'pulse.question')}</h1>
    <p class="muted">${t(lang, 'pulse.anonymity')}</p>
    ${error}
    <form method="post" action="${action}">
      <fieldset>
        <legend>${t(lang, 'pulse.scoreLegend')}</legend>
        <div class="scores">${scoreRadios(SCORES, s.score)}</div>
        <div class="ends">
          <span>0 — ${t(lang, 'pulse.low')}</span><span>10 — ${t(lang, 'pulse.high')}</span>
        </div>
      </fieldset>
      <label class="comment" for="comment">${t(lang, 'pulse.commentPrompt')}</label>
      <textarea id="comment" name="comment" maxlength="${MAX_COMMENT}">
${s.comment ?? ''}</textarea>
      <div class="hp" aria-hidden="true">
        <label
          >${t(lang, 'pulse.honeypot')}<input type="text" name="website" tabindex="-1" autocomplete="off"
        /></label>
      </div>
      <button class="submit" type="submit">${t(lang, 'pulse.submit')}</button>
    </form>`;
}

type Resolve = (deps: Deps, token: string) => Promise<PulseTarget | undefined>;

export async function registerPulsePages(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    acceptForms(scope);
    publicPageErrors(scope, 'pulse page', (req, reply, status, problem) =>
      message(reply, status, langOf(req), problem),
    );
    const config = {
      rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
    };
    const routes: [string, Resolve, string][] = [
      [pulseInvitePath(':token'), findInviteTarget, 'personal pulse invitation'],
      [pulseTeamPath(':token'), findTeamTarget, "team's shared pulse link"],
    ];
    for (const [path, resolve, what] of routes) {
      const schema = { tags: ['public'], params, querystring: query };
      scope.get(
        path,
        {
          config,
          schema: { ...schema, summary: `eNPS page of a ${what} (HTML); ?score=N preselects` },
        },
        (req, reply) => page(req, reply, resolve, 'GET'),
      );
      scope.post(
        path,
        {
          config,
          schema: { ...schema, summary: `Anonymous eNPS answer of a ${what} (form; HTML)` },
        },
        (req, reply) => page(req, reply, resolve, 'POST'),
      );
    }
  });

  function langOf(req: FastifyRequest, fallback: Lang = 'ru'): Lang {
    const q = (req.query as { lang?: unknown } | undefined)?.lang;
    return pickLanguage(
      typeof q === 'string' ? q : undefined,
      req.headers['accept-language'],
      fallback,
    );
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    resolve: Resolve,
    method: 'GET' | 'POST',
  ) {
    const target = await resolve(deps, (req.params as { token: string }).token);
    const lang = langOf(req, target?.pulse.language);
    if (!target) return message(reply, 404, lang, 'notFound');
    const path = (req.url.split('?')[0] ?? '/').replace(/\/+$/, '');
    const cookie = target.kind === 'team' ? `pulse_${target.link.id.replace(/-/g, '')}` : undefined;
    const state = cookie && req.cookies[cookie] ? 'answered' : stateOf(target);
    if (state === 'answered') return message(reply, 200, lang, 'already');
    if (state === 'closed') return message(reply, 410, lang, 'closed');
    const langLinks = { ru: `${path}?lang=ru`, en: `${path}?lang=en` };
    const show = (status: number, s: Parameters<typeof form>[2]) =>
      send(
        reply,
        status,
        publicPage({
          lang,
          title: t(lang, 'pulse.scoreLegend'),
          langLinks,
          body: form(lang, `${path}?lang=${lang}`, s),
        }),
      );
    if (method === 'GET') {
      const raw = (req.query as z.infer<typeof query>).score;
      if (raw === undefined) return show(200, {});
      const score = parseScore(raw);
      // A link followed from an e-mail only preselects: a mail scanner records nothing.
      return score === undefined
        ? show(400, { error: t(lang, 'pulse.errorScore') })
        : show(200, { score });
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.website === 'string' && body.website.trim() !== '')
      return message(reply, 200, lang, 'thanks');
    const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
    const score = parseScore(body.score);
    if (score === undefined) return show(400, { comment, error: t(lang, 'pulse.errorScore') });
    if (comment.length > MAX_COMMENT)
      return show(400, {
        score,
        comment: comment.slice(0, MAX_COMMENT),
        error: t(lang, 'pulse.errorComment'),
      });
    const outcome = await recordPulseAnswer(deps, target, { score, comment: comment || undefined });
    if (cookie)
      reply.setCookie(cookie, '1', {
        path,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.http.publicUrl.startsWith('https://'),
        maxAge: COOKIE_DAYS * 86_400,
      });
    return message(reply, 200, lang, outcome === 'already' ? 'already' : 'thanks');
  }
}
