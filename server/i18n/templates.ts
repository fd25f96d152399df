// Built-in message templates, per kind and language. Organisations override them in the UI
// (message_templates); {{name}} placeholders are filled when the message is queued.
import type { Language, MessageKind } from '../db/types.ts';

export interface Template {
  subject: string;
  body: string;
}

export const TEMPLATE_VARIABLES: Record<MessageKind, string[]> = {
  ack: ['name', 'ref', 'statusUrl', 'orgName'],
  status: ['name', 'ref', 'statusUrl', 'orgName', 'status'],
  closing: ['name', 'ref', 'statusUrl', 'orgName', 'resolution', 'followupUrl'],
  followup: ['name', 'ref', 'orgName', 'followupUrl'],
  survey_invite: ['name', 'orgName', 'question', 'surveyUrl', 'scoreLinks'],
  digest: ['name', 'orgName', 'items'],
  escalation: ['name', 'ref', 'caseUrl', 'orgName', 'title', 'dueAt'],
};

export const DEFAULT_TEMPLATES: Record<MessageKind, Record<Language, Template>> = {
  ack: {
    ru: {
      subject: 'Мы получили ваш отзыв — {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nСпасибо, что написали нам. Ваше обращение принято в работу, его номер — {{ref}}.\nСледить за статусом можно здесь: {{statusUrl}}\n\nС уважением,\n{{orgName}}',
    },
    en: {
      subject: 'We received your feedback — {{ref}}',
      body: 'Hello {{name}},\n\nThank you for writing to us. Your feedback is being processed; its reference is {{ref}}.\nYou can follow its status here: {{statusUrl}}\n\nKind regards,\n{{orgName}}',
    },
  },
  status: {
    ru: {
      subject: 'Обращение {{ref}}: {{status}}',
      body: 'Здравствуйте, {{name}}!\n\nСтатус вашего обращения {{ref}}: {{status}}.\nПодробнее: {{statusUrl}}\n\n{{orgName}}',
    },
    en: {
      subject: 'Your request {{ref}}: {{status}}',
      body: 'Hello {{name}},\n\nThe status of your request {{ref}} is now: {{status}}.\nDetails: {{statusUrl}}\n\n{{orgName}}',
    },
  },
  closing: {
    ru: {
      subject: 'Обращение {{ref}} решено',
      body: 'Здравствуйте, {{name}}!\n\nМы завершили работу по вашему обращению {{ref}}.\n\n{{resolution}}\n\nСтатус: {{statusUrl}}\n{{followupUrl}}\n\nСпасибо, что помогаете нам становиться лучше.\n{{orgName}}',
    },
    en: {
      subject: 'Your request {{ref}} is resolved',
      body: 'Hello {{name}},\n\nWe have finished working on your request {{ref}}.\n\n{{resolution}}\n\nStatus: {{statusUrl}}\n{{followupUrl}}\n\nThank you for helping us improve.\n{{orgName}}',
    },
  },
  followup: {
    ru: {
      subject: 'Как мы справились? — {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nОцените, пожалуйста, как мы решили ваше обращение {{ref}}: {{followupUrl}}\n\n{{orgName}}',
    },
    en: {
      subject: 'How did we do? — {{ref}}',
      body: 'Hello {{name}},\n\nPlease rate how we handled your request {{ref}}: {{followupUrl}}\n\n{{orgName}}',
    },
  },
  survey_invite: {
    ru: {
      subject: '{{question}}',
      body: 'Здравствуйте, {{name}}!\n\n{{question}}\n\n{{scoreLinks}}\n\nИли ответьте на странице: {{surveyUrl}}\n\n{{orgName}}',
    },
    en: {
      subject: '{{question}}',
      body: 'Hello {{name}},\n\n{{question}}\n\n{{scoreLinks}}\n\nOr answer on the page: {{surveyUrl}}\n\n{{orgName}}',
    },
  },
  digest: {
    ru: {
      subject: 'Напоминания на сегодня',
      body: 'Здравствуйте, {{name}}!\n\n{{items}}\n\n{{orgName}}',
    },
    en: {
      subject: 'Your reminders for today',
      body: 'Hello {{name}},\n\n{{items}}\n\n{{orgName}}',
    },
  },
  escalation: {
    ru: {
      subject: 'Просрочен срок по обращению {{ref}}',
      body: 'Здравствуйте, {{name}}!\n\nПо обращению {{ref}} «{{title}}» истёк срок решения ({{dueAt}}).\nОткрыть: {{caseUrl}}\n\n{{orgName}}',
    },
    en: {
      subject: 'Case {{ref}} is past its due time',
      body: 'Hello {{name}},\n\nCase {{ref}} "{{title}}" is past its resolution due time ({{dueAt}}).\nOpen: {{caseUrl}}\n\n{{orgName}}',
    },
  },
};

/** Fills {{name}} placeholders; unknown ones become empty, and lines left empty by that collapse. */
export function renderTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? '')
    .replace(/\n{3,}/g, '\n\n');
}
