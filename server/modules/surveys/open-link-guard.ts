// Open survey links (QR codes, a link on a website) take answers from anyone, so one visitor or a
// script could stuff the ballot (issue 19). Each answer through an open link is claimed first:
// one answer per device per link within the cooldown (the device is a cookie the page sets; a
// visitor without it counts by address), at most `perAddressHour` answers per address per link an
// hour (an office behind one address can still answer; a script that drops cookies cannot go
// on), and at most `perLinkDay` answers per link a day. The claim is inserted before it is
// checked, so two racing requests see each other. Only SHA-256 of the device and the address is
// kept, and only for a day.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SurveysTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { AppError, sendProblem } from '../../http/errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { surveyOpenPath } from '../../lib/public-urls.ts';
import * as repo from './surveys.repo.ts';

export const DEVICE_COOKIE = 'cl_device';
const DEVICE_RE = /^[A-Za-z0-9_-]{22}$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type OpenRefusal = { refused: 'cooldown' | 'addressCap' | 'linkCap'; retryAfter: number };
export type OpenClaim = { id: string } | OpenRefusal;

/** The device cookie of the visitor, set on the open page when it is missing. */
export function deviceOf(req: FastifyRequest, reply?: FastifyReply): string | undefined {
  const cookie = req.cookies?.[DEVICE_COOKIE];
  if (cookie && DEVICE_RE.test(cookie)) return cookie;
  if (!reply) return undefined;
  const made = randomBytes(16).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, made, {
    path: surveyOpenPath(''),
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 365 * 24 * 3600,
  });
  return undefined;
}

/** Claims one answer of the open link for this device and address, or says why not. */
export async function claimOpenAnswer(
  deps: Deps,
  survey: SurveysTable,
  device: string | undefined,
  address: string,
): Promise<OpenClaim> {
  const limits = deps.config.security.openSurvey;
  const now = deps.clock.now().getTime();
  const since = (ms: number) => new Date(now - ms).toISOString();
  const addressHash = sha256(`address:${address}`);
  const deviceHash = device ? sha256(`device:${device}`) : addressHash;
  const id = newId(now);
  const recent = await deps.db.transaction().execute(async (trx) => {
    await repo.forgetOpenAnswers(trx, survey.org_id, survey.id, since(DAY_MS));
    await repo.insertOpenAnswer(trx, {
      id,
      org_id: survey.org_id,
      survey_id: survey.id,
      device_hash: deviceHash,
      address_hash: addressHash,
      answered_at: new Date(now).toISOString(),
    });
    return repo.openAnswersSince(trx, survey.org_id, survey.id, since(DAY_MS));
  });
  const others = recent.filter((r) => r.id !== id);
  const refuse = (refused: OpenRefusal['refused'], until: number): OpenRefusal => ({
    refused,
    retryAfter: Math.max(1, Math.ceil((until - now) / 1000)),
  });
  let refusal: OpenRefusal | undefined;
  const cooldownMs = limits.cooldownSeconds * 1000;
  const sameDevice = others
    .filter((r) => r.device_hash === deviceHash && Date.parse(r.answered_at) > now - cooldownMs)
    .map((r) => Date.parse(r.answered_at));
  const fromAddress = others.filter(
    (r) => r.address_hash === addressHash && Date.parse(r.answered_at) > now - HOUR_MS,
  );
  if (sameDevice.length > 0) refusal = refuse('cooldown', Math.max(...sameDevice) + cooldownMs);
  else if (fromAddress.length >= limits.perAddressHour)
    refusal = refuse('addressCap', Date.parse(fromAddress[0]!.answered_at) + HOUR_MS);
  else if (others.length >= limits.perLinkDay)
    refusal = refuse('linkCap', Date.parse(others[0]!.answered_at) + DAY_MS);
  if (refusal) await releaseOpenAnswer(deps, survey, id);
  return refusal ?? { id };
}

/** Gives the claim back (the answer was refused or not stored). */
export async function releaseOpenAnswer(deps: Deps, survey: SurveysTable, id: string) {
  await repo.deleteOpenAnswer(deps.db, survey.org_id, id);
}

const REFUSAL_DETAIL: Record<OpenRefusal['refused'], string> = {
  cooldown: 'This device answered this survey a moment ago',
  addressCap: 'Too many answers to this survey from this address in the last hour',
  linkCap: 'This open link has taken the most answers it takes in a day',
};

/**
 * A 429 with Retry-After: a readable page for a browser, application/problem+json (code
 * `rate_limited`) for a client that asks for JSON.
 */
export function sendOpenRefusal(
  req: FastifyRequest,
  reply: FastifyReply,
  refusal: OpenRefusal,
  page: () => FastifyReply,
): FastifyReply {
  reply.header('retry-after', String(refusal.retryAfter));
  const accept = req.headers.accept ?? '';
  if (/json/.test(accept) && !/text\/html/.test(accept))
    return sendProblem(reply, req, new AppError('rate_limited', REFUSAL_DETAIL[refusal.refused]));
  return page();
}
