// Built-in message templates, per kind and language (texts in the catalogue, texts/mail.ts).
// Organisations override them in the UI (message_templates); {{name}} placeholders are filled
// when the message is queued. Every kind that goes to a client's contact offers {{unsubscribeUrl}};
// the outbox appends the link to a custom template that leaves it out (messaging/unsubscribe.ts).
import {
  LANGUAGES,
  MESSAGE_KINDS,
  type Language,
  type MessageKind,
} from '../../shared/domain/vocabulary.ts';
import { t } from './catalogue.ts';

export interface Template {
  subject: string;
  body: string;
}

export const TEMPLATE_VARIABLES: Record<MessageKind, string[]> = {
  ack: ['name', 'ref', 'statusUrl', 'orgName', 'unsubscribeUrl'],
  status: ['name', 'ref', 'statusUrl', 'orgName', 'status', 'unsubscribeUrl'],
  closing: ['name', 'ref', 'statusUrl', 'orgName', 'resolution', 'followupUrl', 'unsubscribeUrl'],
  followup: ['name', 'ref', 'orgName', 'followupUrl', 'unsubscribeUrl'],
  survey_invite: ['name', 'orgName', 'question', 'surveyUrl', 'scoreLinks', 'unsubscribeUrl'],
  digest: ['name', 'orgName', 'items'],
  escalation: ['name', 'ref', 'caseUrl', 'orgName', 'title', 'dueAt'],
  case_assigned: ['name', 'ref', 'caseUrl', 'orgName', 'title', 'dueAt', 'stage', 'clientName'],
  pulse_invite: ['name', 'orgName', 'question', 'pulseUrl', 'scoreLinks'],
  reply: ['name', 'ref', 'text', 'statusUrl', 'orgName', 'senderName'],
  password_reset: ['name', 'orgName', 'resetUrl', 'validMinutes'],
  monthly_report: ['name', 'orgName', 'month', 'summary', 'reportUrl'],
  you_said_we_did: [
    'name',
    'orgName',
    'ref',
    'quote',
    'title',
    'note',
    'statusUrl',
    'unsubscribeUrl',
  ],
};

/** The built-in texts of each kind and language, from the catalogue (texts/mail.ts). */
export const DEFAULT_TEMPLATES = Object.fromEntries(
  MESSAGE_KINDS.map((kind) => [
    kind,
    Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        {
          subject: t(language, `templates.${kind}.subject`),
          body: t(language, `templates.${kind}.body`),
        },
      ]),
    ),
  ]),
) as Record<MessageKind, Record<Language, Template>>;

/** Fills {{name}} placeholders; unknown ones become empty, and lines left empty by that collapse. */
export function renderTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? '')
    .replace(/\n{3,}/g, '\n\n');
}
