// Texts of e-mails, ru and en: the built-in message templates (organisations override them in
// the UI), the rating line of a closing message and the reminder kinds of the daily digest.
// Part of the one server catalogue (../catalogue.ts); en must have exactly the keys of ru.

const ru = {
  /** Built-in message templates per kind; {{name}} placeholders are filled when queued. */
  templates: {
    ack: {
      subject: 'Мы получили ваш отзыв — {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nСпасибо, что написали нам. Ваше обращение принято в работу, его номер — {{ref}}.\nСледить за статусом можно здесь: {{statusUrl}}\n\nС уважением,\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    status: {
      subject: 'Обращение {{ref}}: {{status}}',
      body: 'Здравствуйте, {{name}}!\n\nСтатус вашего обращения {{ref}}: {{status}}.\nПодробнее: {{statusUrl}}\n\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    closing: {
      subject: 'Обращение {{ref}} решено',
      body: 'Здравствуйте, {{name}}!\n\nМы завершили работу по вашему обращению {{ref}}.\n\n{{resolution}}\n\nСтатус: {{statusUrl}}\n{{followupUrl}}\n\nСпасибо, что помогаете нам становиться лучше.\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    followup: {
      subject: 'Как мы справились? — {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nОцените, пожалуйста, как мы решили ваше обращение {{ref}}: {{followupUrl}}\n\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    survey_invite: {
      subject: '{{question}}',
      body: 'Здравствуйте, {{name}}!\n\n{{question}}\n\n{{scoreLinks}}\n\nИли ответьте на странице: {{surveyUrl}}\n\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    digest: {
      subject: 'Напоминания на сегодня',
      body: 'Здравствуйте, {{name}}!\n\n{{items}}\n\n{{orgName}}',
    },
    escalation: {
      subject: 'Просрочен срок по обращению {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nПо обращению {{ref}} «{{title}}» истёк срок решения ({{dueAt}}).\nОткрыть: {{caseUrl}}\n\n{{orgName}}',
    },
    case_assigned: {
      subject: 'Вам назначено обращение {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nВам назначено обращение {{ref}} «{{title}}».\nЭтап: {{stage}}\nКлиент: {{clientName}}\nСрок решения: {{dueAt}}\nОткрыть: {{caseUrl}}\n\n{{orgName}}',
    },
    pulse_invite: {
      subject: 'Анонимный опрос: {{question}}',
      body: 'Здравствуйте, {{name}}!\n\n{{question}}\n\nОпрос анонимный: ответ хранится без вашего имени и без ссылки на это письмо, а результаты команды видны только при 5 ответах и больше.\n\n{{scoreLinks}}\n\nИли ответьте на странице: {{pulseUrl}}\n\n{{orgName}}',
    },
    reply: {
      subject: 'Обращение {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\n{{text}}\n\n{{senderName}}\n{{orgName}}\n\nСтатус обращения: {{statusUrl}}\nЧтобы ответить, просто ответьте на это письмо.',
    },
    monthly_report: {
      subject: '{{orgName}}: отчёт арбитра и слоёный пирог за {{month}}',
      body: 'Здравствуйте, {{name}}!\n\nИтоги за {{month}} — этапы, которые больше всего тянут удовлетворённость вниз:\n\n{{summary}}\n\nОтчёт арбитра — во вложении (PDF); слоёный пирог, XLSX и подробности — на странице: {{reportUrl}}\n\n{{orgName}}',
    },
    you_said_we_did: {
      subject: 'Вы сказали — мы сделали: {{title}}',
      body: 'Здравствуйте, {{name}}!\n\nВы писали нам ({{ref}}):\n\n«{{quote}}»\n\nСпасибо — мы это сделали: {{title}}.\n{{note}}\n\nПодробнее: {{statusUrl}}\n\n{{orgName}}\n\n—\nОтписаться от уведомлений: {{unsubscribeUrl}}',
    },
    password_reset: {
      subject: 'Сброс пароля ClientLoop',
      body: 'Здравствуйте, {{name}}!\n\nКто-то (надеемся, вы) попросил сбросить пароль вашей учётной записи ClientLoop.\nЗадать новый пароль: {{resetUrl}}\nСсылка действует {{validMinutes}} минут и только один раз.\n\nЕсли вы не просили сброс, просто удалите это письмо: пароль останется прежним.\n\n{{orgName}}',
    },
  },
  mail: {
    /** The line of a closing message that asks for a rating (followupUrl of the template). */
    followupLine: 'Оцените, пожалуйста, решение: {{url}}',
    /** Added to a client message whose (custom) template lacks {{unsubscribeUrl}}. */
    unsubscribeLine: '—\nОтписаться от уведомлений: {{url}}',
    /** The kind of a reminder in the daily digest (care). */
    digestKinds: {
      upcoming_date: 'Дата',
      silent_client: 'Давно молчит',
      detractor_without_followup: 'Критик без ответа',
      sla_risk: 'Срок под угрозой',
      missed_call: 'Пропущенный звонок',
      assigned_case: 'Назначенное вам обращение',
      stage_requirement: 'Особое требование вашего этапа',
      decision_maker_missing: 'Нет контакта с ЛПР',
      decision_maker_silent: 'ЛПР молчит полгода',
      playbook_action: 'Действие плана ячейки портфеля',
    },
  },
};

const en: typeof ru = {
  /** Built-in message templates per kind; {{name}} placeholders are filled when queued. */
  templates: {
    ack: {
      subject: 'We received your feedback — {{ref}}',
      body: 'Hello {{name}},\n\nThank you for writing to us. Your feedback is being processed; its reference is {{ref}}.\nYou can follow its status here: {{statusUrl}}\n\nKind regards,\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    status: {
      subject: 'Your request {{ref}}: {{status}}',
      body: 'Hello {{name}},\n\nThe status of your request {{ref}} is now: {{status}}.\nDetails: {{statusUrl}}\n\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    closing: {
      subject: 'Your request {{ref}} is resolved',
      body: 'Hello {{name}},\n\nWe have finished working on your request {{ref}}.\n\n{{resolution}}\n\nStatus: {{statusUrl}}\n{{followupUrl}}\n\nThank you for helping us improve.\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    followup: {
      subject: 'How did we do? — {{ref}}',
      body: 'Hello {{name}},\n\nPlease rate how we handled your request {{ref}}: {{followupUrl}}\n\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    survey_invite: {
      subject: '{{question}}',
      body: 'Hello {{name}},\n\n{{question}}\n\n{{scoreLinks}}\n\nOr answer on the page: {{surveyUrl}}\n\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    digest: {
      subject: 'Your reminders for today',
      body: 'Hello {{name}},\n\n{{items}}\n\n{{orgName}}',
    },
    escalation: {
      subject: 'Case {{ref}} is past its due time',
      body: 'Hello {{name}},\n\nCase {{ref}} "{{title}}" is past its resolution due time ({{dueAt}}).\nOpen: {{caseUrl}}\n\n{{orgName}}',
    },
    case_assigned: {
      subject: 'Case {{ref}} is assigned to you',
      body: 'Hello {{name}},\n\nCase {{ref}} "{{title}}" is assigned to you.\nStage: {{stage}}\nClient: {{clientName}}\nResolution due: {{dueAt}}\nOpen: {{caseUrl}}\n\n{{orgName}}',
    },
    pulse_invite: {
      subject: 'Anonymous survey: {{question}}',
      body: "Hello {{name}},\n\n{{question}}\n\nThe survey is anonymous: your answer is stored without your name and without any link to this e-mail, and a team's results are shown only from 5 answers.\n\n{{scoreLinks}}\n\nOr answer on the page: {{pulseUrl}}\n\n{{orgName}}",
    },
    reply: {
      subject: 'Your request {{ref}}',
      body: 'Hello {{name}},\n\n{{text}}\n\n{{senderName}}\n{{orgName}}\n\nRequest status: {{statusUrl}}\nTo answer, just reply to this e-mail.',
    },
    monthly_report: {
      subject: '{{orgName}}: arbiter report and layered scorecard for {{month}}',
      body: 'Hello {{name}},\n\nThe results of {{month}} — the stages that drag satisfaction down most:\n\n{{summary}}\n\nThe arbiter report is attached (PDF); the layered scorecard, XLSX and the details are on the page: {{reportUrl}}\n\n{{orgName}}',
    },
    you_said_we_did: {
      subject: 'You said, we did: {{title}}',
      body: 'Hello {{name}},\n\nYou wrote to us ({{ref}}):\n\n"{{quote}}"\n\nThank you: we did it — {{title}}.\n{{note}}\n\nMore: {{statusUrl}}\n\n{{orgName}}\n\n—\nUnsubscribe from these notifications: {{unsubscribeUrl}}',
    },
    password_reset: {
      subject: 'ClientLoop password reset',
      body: 'Hello {{name}},\n\nSomeone (we hope you) asked to reset the password of your ClientLoop account.\nSet a new password: {{resetUrl}}\nThe link works for {{validMinutes}} minutes and only once.\n\nIf you did not ask for this, delete this e-mail: your password stays as it is.\n\n{{orgName}}',
    },
  },
  mail: {
    /** The line of a closing message that asks for a rating (followupUrl of the template). */
    followupLine: 'Please rate the resolution: {{url}}',
    /** Added to a client message whose (custom) template lacks {{unsubscribeUrl}}. */
    unsubscribeLine: '—\nUnsubscribe from these notifications: {{url}}',
    /** The kind of a reminder in the daily digest (care). */
    digestKinds: {
      upcoming_date: 'Date',
      silent_client: 'Silent',
      detractor_without_followup: 'Detractor without follow-up',
      sla_risk: 'Deadline at risk',
      missed_call: 'Missed call',
      assigned_case: 'Case assigned to you',
      stage_requirement: 'Special requirement of your stage',
      decision_maker_missing: 'No decision-maker contact',
      decision_maker_silent: 'Decision maker silent for 6 months',
      playbook_action: 'Portfolio playbook action',
    },
  },
};

export const mailTexts = { ru, en };
