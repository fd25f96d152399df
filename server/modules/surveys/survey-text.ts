// Texts of the public survey pages and of the score lines in invitation e-mails, ru and en.
// They live with the module (not in server/i18n/public.ts) so this module owns its wording.
import type { SurveyMetric } from '../../../shared/api/surveys.ts';

type Lang = 'ru' | 'en';

export const SURVEY_TEXT = {
  ru: {
    scoreLegend: 'Ваша оценка',
    submit: 'Отправить',
    thanksTitle: 'Спасибо за ответ!',
    thanks: 'Ваш ответ сохранён. Он помогает нам становиться лучше.',
    alreadyTitle: 'Вы уже ответили',
    already: 'Спасибо, ваш ответ на этот опрос уже сохранён.',
    notFoundTitle: 'Опрос не найден',
    notFound: 'Ссылка неверна или устарела. Проверьте адрес в письме.',
    closedTitle: 'Опрос завершён',
    closed: 'Этот опрос больше не принимает ответы. Спасибо за интерес!',
    errorScore: 'Выберите оценку на шкале.',
    errorComment: 'Комментарий слишком длинный — сократите его до 5000 знаков.',
    badRequestTitle: 'Ошибка в запросе',
    badRequest: 'Откройте ссылку из письма ещё раз.',
    tooManyTitle: 'Слишком много запросов',
    tooMany: 'Попробуйте ещё раз через минуту.',
    failedTitle: 'Что-то пошло не так',
    failed: 'Не удалось сохранить ответ. Попробуйте ещё раз чуть позже.',
    honeypot: 'Не заполняйте это поле',
  },
  en: {
    scoreLegend: 'Your score',
    submit: 'Send',
    thanksTitle: 'Thank you for your answer!',
    thanks: 'Your answer is saved. It helps us get better.',
    alreadyTitle: 'You have already answered',
    already: 'Thank you, your answer to this survey is already saved.',
    notFoundTitle: 'Survey not found',
    notFound: 'The link is wrong or out of date. Please check the address in your e-mail.',
    closedTitle: 'The survey is closed',
    closed: 'This survey no longer accepts answers. Thank you for your interest!',
    errorScore: 'Please choose a score on the scale.',
    errorComment: 'The comment is too long — please keep it under 5000 characters.',
    badRequestTitle: 'Bad request',
    badRequest: 'Please open the link from your e-mail again.',
    tooManyTitle: 'Too many requests',
    tooMany: 'Please try again in a minute.',
    failedTitle: 'Something went wrong',
    failed: 'Your answer could not be saved. Please try again a little later.',
    honeypot: 'Leave this field empty',
  },
} as const;

/** What the ends of each scale mean; CES runs from easy (1) to difficult (7). */
export const SCALE_ENDS: Record<SurveyMetric, Record<Lang, { low: string; high: string }>> = {
  nps: {
    ru: { low: 'точно нет', high: 'обязательно' },
    en: { low: 'not at all likely', high: 'extremely likely' },
  },
  csat: {
    ru: { low: 'совсем недоволен', high: 'полностью доволен' },
    en: { low: 'very dissatisfied', high: 'very satisfied' },
  },
  ces: {
    ru: { low: 'очень легко', high: 'очень сложно' },
    en: { low: 'very easy', high: 'very difficult' },
  },
};
