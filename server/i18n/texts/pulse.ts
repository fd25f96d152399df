// Texts of the eNPS pulse pages and invitations (issue 15), ru and en: the fixed question, the
// anonymity notice and every outcome page. Part of the one server catalogue (../catalogue.ts).

const ru = {
  pulse: {
    question: 'Насколько вероятно, что вы порекомендуете нашу компанию как место работы?',
    commentPrompt: 'Что стоило бы изменить или сохранить? (необязательно)',
    anonymity:
      'Опрос анонимный: ответ хранится без имени, без ссылки на приглашение и только с датой (без времени). Результаты команды видны лишь при 5 ответах и больше.',
    scoreLegend: 'Ваша оценка от 0 до 10',
    low: 'точно нет',
    high: 'обязательно',
    submit: 'Отправить анонимно',
    honeypot: 'Не заполняйте это поле',
    thanksTitle: 'Спасибо за ответ!',
    thanks: 'Ваш анонимный ответ сохранён.',
    alreadyTitle: 'Ответ уже сохранён',
    already:
      'По этой ссылке уже ответили. Засчитан первый ответ, повторный не принимается и ничего не меняет.',
    notFoundTitle: 'Ссылка не действует',
    notFound: 'Проверьте адрес в письме или спросите ссылку у организатора опроса.',
    closedTitle: 'Опрос завершён',
    closed: 'Этот опрос больше не принимает ответы.',
    errorScore: 'Выберите оценку от 0 до 10.',
    errorComment: 'Комментарий слишком длинный — сократите его до 2000 знаков.',
    badRequestTitle: 'Ошибка в запросе',
    badRequest: 'Откройте ссылку ещё раз.',
    tooManyTitle: 'Слишком много запросов',
    tooMany: 'Попробуйте ещё раз через минуту.',
    failedTitle: 'Что-то пошло не так',
    failed: 'Не удалось сохранить ответ. Попробуйте ещё раз чуть позже.',
  },
};

const en: typeof ru = {
  pulse: {
    question: 'How likely are you to recommend our company as a place to work?',
    commentPrompt: 'What should we change or keep? (optional)',
    anonymity:
      'This survey is anonymous: the answer is stored without a name, without a link to the invitation and with the date only (no time). A team’s results are shown only from 5 answers.',
    scoreLegend: 'Your score from 0 to 10',
    low: 'not at all likely',
    high: 'extremely likely',
    submit: 'Send anonymously',
    honeypot: 'Leave this field empty',
    thanksTitle: 'Thank you!',
    thanks: 'Your anonymous answer is saved.',
    alreadyTitle: 'Already answered',
    already:
      'This link has been answered already. The first answer counts; a second one is not taken and changes nothing.',
    notFoundTitle: 'This link does not work',
    notFound: 'Please check the address in the e-mail or ask the survey organiser for the link.',
    closedTitle: 'Survey closed',
    closed: 'This survey no longer takes answers.',
    errorScore: 'Choose a score from 0 to 10.',
    errorComment: 'The comment is too long — please keep it under 2000 characters.',
    badRequestTitle: 'Bad request',
    badRequest: 'Please open the link again.',
    tooManyTitle: 'Too many requests',
    tooMany: 'Please try again in a minute.',
    failedTitle: 'Something went wrong',
    failed: 'The answer could not be saved. Please try again a little later.',
  },
};

export const pulseTexts = { ru, en };
