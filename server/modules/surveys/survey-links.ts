// The one-click score lines of an invitation e-mail and the scores of a scale (the links
// themselves are built by server/lib/public-urls.ts). Pure, no I/O.
import { SURVEY_SCALES, type SurveyMetric } from '../../../shared/api/surveys.ts';
import { t } from '../../i18n/catalogue.ts';

/** Tokens are randomToken(32): 43 base64url characters (256 bits). Anything else is not looked up. */
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function scoresOf(metric: SurveyMetric): number[] {
  const { min, max } = SURVEY_SCALES[metric];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** One line per score, each a link that opens the survey with that score preselected; the ends say what they mean. */
export function scoreLinesOf(metric: SurveyMetric, inviteUrl: string, lang: 'ru' | 'en'): string {
  const scores = scoresOf(metric);
  return scores
    .map((n, i) => {
      const label =
        i === 0
          ? ` (${t(lang, `survey.scale.${metric}.low`)})`
          : i === scores.length - 1
            ? ` (${t(lang, `survey.scale.${metric}.high`)})`
            : '';
      return `${n}${label}: ${inviteUrl}?score=${n}`;
    })
    .join('\n');
}

/** A score from a form or query string, or undefined when it is not a whole number on the scale. */
export function parseScore(metric: SurveyMetric, raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw)) return undefined;
  const n = Number(raw);
  const { min, max } = SURVEY_SCALES[metric];
  return n >= min && n <= max ? n : undefined;
}
