// Public survey pages: /s/{token} (personal invitation) and /s/o/{openToken} (open link, QR code).
// Server-rendered HTML that works without JavaScript and on a phone; every outcome, errors
// included, is a page in the visitor's language — never JSON, never a 500 for bad input.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LocalizedText } from '../../../shared/api/surveys.ts';
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
  type Raw,
} from '../../http/html.ts';
import { t } from '../../i18n/catalogue.ts';
import { surveyInvitePath, surveyOpenPath } from '../../lib/public-urls.ts';
import { claimOpenAnswer, deviceOf, sendOpenRefusal, type OpenRefusal } from './open-link-guard.ts';
import { parseScore, scoresOf } from './survey-links.ts';
import {
  findInviteTarget,
  findOpenTarget,
  recordAnswer,
  stateOf,
  type SurveyTarget,
} from './survey-answer.ts';

type Lang = 'ru' | 'en';
const MAX_COMMENT = 5000;

// Loose on purpose: a wrong score is answered by the page itself (400 with the form), not by validation.
const inviteParams = z.object({ token: z.string() });
const openParams = z.object({ openToken: z.string() });
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

function send(reply: FastifyReply, status: number, page: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page);
}

/** The one-message pages; each has a title and a text in the catalogue (survey.<name>Title, …). */
type PageMessage =
  | 'tooMany'
  | 'badRequest'
  | 'failed'
  | 'notFound'
  | 'already'
  | 'closed'
  | 'thanks'
  | OpenRefusal['refused'];

function message(
  reply: FastifyReply,
  status: number,
  lang: Lang,
  name: PageMessage,
  langLinks?: { ru: string; en: string },
) {
  const title = t(lang, `survey.${name}Title`);
  const text = t(lang, `survey.${name}`);
  return send(
    reply,
    status,
    publicPage({
      lang,
      title,
      langLinks,
      body: html`<h1>${title}</h1>
        <p>${text}</p>`,
    }),
  );
}

interface FormState {
  score?: number;
  comment?: string;
  error?: string;
}

function renderForm(target: SurveyTarget, lang: Lang, action: string, state: FormState): Raw {
  const { survey } = target;
  const question = (JSON.parse(survey.question) as LocalizedText)[lang];
  const prompt = (JSON.parse(survey.comment_prompt) as LocalizedText)[lang];
  const scores = scoresOf(survey.metric);
  const ends = {
    low: t(lang, `survey.scale.${survey.metric}.low`),
    high: t(lang, `survey.scale.${survey.metric}.high`),
  };
  const text = {
    scoreLegend: t(lang, 'survey.scoreLegend'),
    honeypot: t(lang, 'survey.honeypot'),
    submit: t(lang, 'survey.submit'),
  };
  const options = scoreRadios(scores, state.score);
  const error = state.error ? html`<p class="error" role="alert">${state.error}</p>` : raw('');
  return html`${EXTRA_STYLE}
    <h1>${question}</h1>
    ${error}
    <form method="post" action="${action}">
      <fieldset>
        <legend>${text.scoreLegend}</legend>
        <div class="scores">${options}</div>
        <div class="ends">
          <span>${scores[0]} — ${ends.low}</span
          ><span>${scores[scores.length - 1]} — ${ends.high}</span>
        </div>
      </fieldset>
      <label class="comment" for="comment">${prompt}</label>
      <textarea id="comment" name="comment" maxlength="${MAX_COMMENT}">
${state.comment ?? ''}</textarea>
      <div class="hp" aria-hidden="true">
        <label
          >${text.honeypot}<input type="text" name="website" tabindex="-1" autocomplete="off"
        /></label>
      </div>
      <button class="submit" type="submit">${text.submit}</button>
    </form>`;
}

type Resolve = (deps: Deps, token: string) => Promise<SurveyTarget | undefined>;

export async function registerSurveyPages(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    // Form posts only here: the JSON API outside this scope keeps answering 415 to forms.
    acceptForms(scope);
    publicPageErrors(scope, 'survey page', (req, reply, status, problem) =>
      message(reply, status, langOf(req), problem),
    );

    const config = {
      rateLimit: { max: deps.config.security.publicRatePerMinute, timeWindow: 60_000 },
    };
    const routes: {
      path: string;
      params: z.ZodObject;
      tokenOf: (p: Record<string, string>) => string;
      resolve: Resolve;
      what: string;
    }[] = [
      {
        path: surveyInvitePath(':token'),
        params: inviteParams,
        tokenOf: (p) => p.token!,
        resolve: findInviteTarget,
        what: 'personal invitation link',
      },
      {
        path: surveyOpenPath(':openToken'),
        params: openParams,
        tokenOf: (p) => p.openToken!,
        resolve: findOpenTarget,
        what: 'open link',
      },
    ];
    for (const route of routes) {
      const schema = { tags: ['public'], params: route.params, querystring: query };
      scope.get(
        route.path,
        {
          config,
          schema: {
            ...schema,
            summary: `Survey page of a ${route.what} (HTML); ?score=N preselects a score (GET never records)`,
          },
        },
        (req, reply) =>
          answerPage(
            req,
            reply,
            route.resolve,
            route.tokenOf(req.params as Record<string, string>),
            'GET',
          ),
      );
      scope.post(
        route.path,
        {
          config,
          schema: { ...schema, summary: `Answer of a ${route.what} (form: score, comment; HTML)` },
        },
        (req, reply) =>
          answerPage(
            req,
            reply,
            route.resolve,
            route.tokenOf(req.params as Record<string, string>),
            'POST',
          ),
      );
    }
  });

  function langOf(req: FastifyRequest, contactLanguage?: Lang): Lang {
    const q = (req.query as { lang?: unknown } | undefined)?.lang;
    // A personal link speaks the contact's language unless the visitor chose one with ?lang.
    return pickLanguage(
      typeof q === 'string' ? q : undefined,
      contactLanguage ? undefined : req.headers['accept-language'],
      contactLanguage ?? 'ru',
    );
  }

  async function answerPage(
    req: FastifyRequest,
    reply: FastifyReply,
    resolve: Resolve,
    token: string,
    method: 'GET' | 'POST',
  ) {
    const target = await resolve(deps, token);
    const lang = langOf(req, target?.kind === 'invite' ? target.contact?.language : undefined);
    const path = (req.url.split('?')[0] ?? '/').replace(/\/+$/, '');
    const langLinks = { ru: `${path}?lang=ru`, en: `${path}?lang=en` };
    if (!target) return message(reply, 404, lang, 'notFound', langLinks);
    const state = stateOf(target, deps.clock.now());
    if (state === 'answered') return message(reply, 200, lang, 'already', langLinks);
    if (state === 'closed') return message(reply, 410, lang, 'closed', langLinks);

    const action = `${path}?lang=${lang}`;
    const form = (status: number, s: FormState) =>
      send(
        reply,
        status,
        publicPage({
          lang,
          title: t(lang, 'survey.scoreLegend'),
          langLinks,
          body: renderForm(target, lang, action, s),
        }),
      );
    const { survey } = target;
    const { score: queryScore } = req.query as z.infer<typeof query>;

    let answer: { score: number; comment?: string };
    if (method === 'GET') {
      // The open page gives the visitor a device cookie: the cooldown counts devices, not offices.
      if (target.kind === 'open') deviceOf(req, reply);
      if (queryScore === undefined) return form(200, {});
      const score = parseScore(survey.metric, queryScore);
      if (score === undefined) return form(400, { error: t(lang, 'survey.errorScore') });
      // A link followed from an e-mail only preselects the score: a mail scanner that follows
      // every link must record nothing (issue 19). One tap on the form's button records it.
      return form(200, { score });
    } else {
      const body = (req.body ?? {}) as Record<string, unknown>;
      // A filled honeypot is a bot: thank it and store nothing, so it learns nothing.
      if (typeof body.website === 'string' && body.website.trim() !== '')
        return message(reply, 200, lang, 'thanks');
      const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
      const score = parseScore(survey.metric, body.score);
      if (score === undefined) return form(400, { comment, error: t(lang, 'survey.errorScore') });
      if (comment.length > MAX_COMMENT)
        return form(400, {
          score,
          comment: comment.slice(0, MAX_COMMENT),
          error: t(lang, 'survey.errorComment'),
        });
      answer = { score, comment: comment || undefined };
    }
    if (target.kind === 'open') {
      const claim = await claimOpenAnswer(deps, survey, deviceOf(req), req.ip);
      if ('refused' in claim)
        return sendOpenRefusal(req, reply, claim, () =>
          message(reply, 429, lang, claim.refused, langLinks),
        );
    }
    const outcome = await recordAnswer(deps, req.log as never, target, answer);
    return outcome === 'already'
      ? message(reply, 200, lang, 'already')
      : message(reply, 200, lang, 'thanks');
  }
}
