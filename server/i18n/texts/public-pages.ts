// Texts of the public pages, ru and en: the status page of a request with its follow-up rating
// (status.*) and the survey pages with the scale ends also used in invitation e-mails (survey.*).
// Part of the one server catalogue (../catalogue.ts); en must have exactly the keys of ru.

const ru = {
  status: {
    statusTitle: 'Статус обращения',
    reference: 'Номер обращения',
    received: 'Получено',
    statusLabel: 'Статус',
    notFoundTitle: 'Обращение не найдено',
    notFound: 'Проверьте номер обращения в письме.',
    state: {
      received: 'Получено',
      new: 'Принято в работу',
      acknowledged: 'Принято в работу',
      in_progress: 'В работе',
      waiting_client: 'Ждём вашего ответа',
      resolved: 'Решено',
      closed: 'Закрыто',
    },
    resolution: 'Решение',
    youSaid: 'Вы сказали — мы сделали',
    rateTitle: 'Оцените решение',
    rateQuestion:
      'Насколько вы довольны тем, как решено ваше обращение? (1 — совсем недоволен, 5 — полностью доволен)',
    rateThanks: 'Спасибо! Ваша оценка сохранена.',
    rateNotResolved: 'Обращение ещё не решено — оценить можно будет после решения.',
    tooMany: 'Слишком много запросов. Попробуйте через минуту.',
  },
  survey: {
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
    cooldownTitle: 'Ответ уже получен',
    cooldown:
      'С этого устройства только что ответили на этот опрос. Спасибо! Ответить ещё раз можно через несколько минут.',
    addressCapTitle: 'Слишком много ответов',
    addressCap:
      'Из вашей сети пришло слишком много ответов на этот опрос за последний час. Попробуйте позже.',
    linkCapTitle: 'Опрос на сегодня заполнен',
    linkCap: 'Эта ссылка приняла все ответы, которые принимает за день. Попробуйте завтра.',
    tooManyTitle: 'Слишком много запросов',
    tooMany: 'Попробуйте ещё раз через минуту.',
    failedTitle: 'Что-то пошло не так',
    failed: 'Не удалось сохранить ответ. Попробуйте ещё раз чуть позже.',
    honeypot: 'Не заполняйте это поле',
    /** What the ends of each scale mean; CES runs from easy (1) to difficult (7). */
    scale: {
      nps: { low: 'точно нет', high: 'обязательно' },
      csat: { low: 'совсем недоволен', high: 'полностью доволен' },
      ces: { low: 'очень легко', high: 'очень сложно' },
    },
  },
};

const en: typeof ru = {
  status: {
    statusTitle: 'Request status',
    reference: 'Reference',
    received: 'Received',
    statusLabel: 'Status',
    notFoundTitle: 'Request not found',
    notFound: 'Please check the reference in your e-mail.',
    state: {
      received: 'Received',
      new: 'Accepted for processing',
      acknowledged: 'Accepted for processing',
      in_progress: 'In progress',
      waiting_client: 'Waiting for your reply',
      resolved: 'Resolved',
      closed: 'Closed',
    },
    resolution: 'Resolution',
    youSaid: 'You said, we did',
    rateTitle: 'Rate the resolution',
    rateQuestion:
      'How satisfied are you with how your request was resolved? (1 — not at all, 5 — completely)',
    rateThanks: 'Thank you! Your rating is saved.',
    rateNotResolved: 'The request is not resolved yet — you can rate it once it is.',
    tooMany: 'Too many requests. Please try again in a minute.',
  },
  survey: {
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
    cooldownTitle: 'Answer already received',
    cooldown:
      'This survey was just answered from this device. Thank you! You can answer again in a few minutes.',
    addressCapTitle: 'Too many answers',
    addressCap:
      'Too many answers to this survey came from your network in the last hour. Please try again later.',
    linkCapTitle: 'The survey is full for today',
    linkCap: 'This link has taken all the answers it takes in a day. Please try again tomorrow.',
    tooManyTitle: 'Too many requests',
    tooMany: 'Please try again in a minute.',
    failedTitle: 'Something went wrong',
    failed: 'Your answer could not be saved. Please try again a little later.',
    honeypot: 'Leave this field empty',
    /** What the ends of each scale mean; CES runs from easy (1) to difficult (7). */
    scale: {
      nps: { low: 'not at all likely', high: 'extremely likely' },
      csat: { low: 'very dissatisfied', high: 'very satisfied' },
      ces: { low: 'very easy', high: 'very difficult' },
    },
  },
};

export const publicPageTexts = { ru, en };
