// The outbox: a message is rendered and stored in the caller's transaction and sent by a job,
// so a message is never sent for a rolled-back write and never lost after a commit.
import type { Ctx } from '../../context.ts';
import type { Language, MessageKind, MessagesTable } from '../../db/types.ts';
import { AppError, notFound } from '../../http/errors.ts';
import {
  DEFAULT_TEMPLATES,
  renderTemplate,
  TEMPLATE_VARIABLES,
  type Template,
} from '../../i18n/templates.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { orgOf, recordAudit } from '../orgs/index.ts';
import { assertMessageFilter } from './message-filter.ts';
import * as repo from './messaging.repo.ts';
import { suppressedOf, unsubscribeLinks, withUnsubscribeLine } from './unsubscribe.ts';

export const SEND_JOB = 'messaging.send';

export interface QueueMessageInput {
  kind: MessageKind;
  to: string;
  language: Language;
  vars: Record<string, string | undefined>;
  /** One message per side effect: a second queue with the same key is a no-op. */
  dedupeKey: string;
  feedbackId?: string | null;
  caseId?: string | null;
  contactId?: string | null;
  clientId?: string | null;
}

type OutboxCtx = Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>;

export async function templateFor(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  kind: MessageKind,
  language: Language,
): Promise<Template> {
  const custom = await repo.findTemplate(ctx.db, ctx.orgId, kind, language);
  return custom
    ? { subject: custom.subject, body: custom.body }
    : DEFAULT_TEMPLATES[kind][language];
}

/** Renders and stores a message in the caller's transaction and enqueues its sending. */
export async function queueMessage(
  ctx: OutboxCtx,
  input: QueueMessageInput,
): Promise<string | undefined> {
  const [id] = await queueMessages(ctx, [input]);
  return id;
}

/**
 * Several messages in the caller's transaction (an intake group's acknowledgements): the org and
 * each template are read once, messages and their send jobs are written with one statement each.
 * Returns the ids of the messages stored (a message whose dedupe key exists is skipped, and so is
 * one a contact on the unsubscribe list must not get: see unsubscribe.ts). A message to a
 * client's contact gets its unsubscribe link.
 */
export async function queueMessages(
  ctx: OutboxCtx,
  inputs: readonly QueueMessageInput[],
): Promise<string[]> {
  const suppressed = await suppressedOf(ctx, inputs);
  if (suppressed.size > 0) inputs = inputs.filter((i) => !suppressed.has(i));
  if (inputs.length === 0) return [];
  const org = await orgOf(ctx);
  const linkOf = unsubscribeLinks(ctx);
  const templates = new Map<string, Template>();
  const now = ctx.clock.now();
  const hasMailer = Boolean(ctx.config.mail.smtpUrl);
  const rows: MessagesTable[] = [];
  for (const input of inputs) {
    const templateKey = `${input.kind}:${input.language}`;
    let template = templates.get(templateKey);
    if (!template) {
      template = await templateFor(ctx, input.kind, input.language);
      templates.set(templateKey, template);
    }
    const unsubscribeUrl = await linkOf(input);
    const vars = { orgName: org.name, ...input.vars, unsubscribeUrl };
    const body = renderTemplate(template.body, vars);
    rows.push({
      id: newId(now.getTime()),
      org_id: ctx.orgId,
      kind: input.kind,
      channel: 'email',
      to_address: input.to,
      language: input.language,
      subject: renderTemplate(template.subject, vars).replace(/\s+/g, ' ').trim(),
      body_text: unsubscribeUrl ? withUnsubscribeLine(body, unsubscribeUrl, input.language) : body,
      status: hasMailer ? 'queued' : 'not_sent',
      attempts: 0,
      last_error: hasMailer ? null : 'SMTP_URL is not configured',
      provider_message_id: null,
      feedback_id: input.feedbackId ?? null,
      case_id: input.caseId ?? null,
      contact_id: input.contactId ?? null,
      client_id: input.clientId ?? null,
      dedupe_key: `${ctx.orgId}:${input.dedupeKey}`,
      sent_at: null,
      created_at: now.toISOString(),
    });
  }
  const stored = await repo.insertMessages(ctx.db, rows);
  if (hasMailer)
    await ctx.jobs.enqueueMany(
      ctx.db,
      stored.map((id) => ({
        name: SEND_JOB,
        orgId: ctx.orgId,
        payload: { messageId: id },
        dedupeKey: `send:${id}`,
      })),
    );
  return stored;
}

export async function listMessages(
  ctx: Ctx,
  q: {
    caseId?: string;
    feedbackId?: string;
    clientId?: string;
    status?: string;
    cursor?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'data.read');
  await assertMessageFilter(ctx, q);
  const rows = await repo.listMessages(ctx.db, ctx.orgId, {
    ...q,
    beforeId: decodeCursor(q.cursor),
  });
  return toPage(rows, q.limit);
}

export async function getMessage(ctx: Ctx, id: string): Promise<MessagesTable> {
  assertCan(ctx.actor, 'data.read');
  const message = await repo.getMessage(ctx.db, ctx.orgId, id);
  // A password reset mail carries a sign-in secret: it is nobody's to read but its addressee's.
  if (message.kind === 'password_reset') throw notFound('Message');
  return message;
}

export interface TemplateView {
  kind: MessageKind;
  language: Language;
  subject: string;
  body: string;
  custom: boolean;
  variables: string[];
}

export async function listTemplates(ctx: Ctx): Promise<TemplateView[]> {
  assertCan(ctx.actor, 'data.read');
  const custom = await repo.listTemplates(ctx.db, ctx.orgId);
  const views: TemplateView[] = [];
  for (const kind of Object.keys(DEFAULT_TEMPLATES) as MessageKind[]) {
    for (const language of ['ru', 'en'] as const) {
      const own = custom.find((c) => c.kind === kind && c.language === language);
      const t = own ?? DEFAULT_TEMPLATES[kind][language];
      views.push({
        kind,
        language,
        subject: t.subject,
        body: t.body,
        custom: Boolean(own),
        variables: TEMPLATE_VARIABLES[kind],
      });
    }
  }
  return views;
}

export async function saveTemplate(
  ctx: Ctx,
  kind: MessageKind,
  language: Language,
  t: Template,
): Promise<TemplateView> {
  assertCan(ctx.actor, 'org.manage');
  const unknown = [...`${t.subject} ${t.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1]!)
    .filter((v) => !TEMPLATE_VARIABLES[kind].includes(v));
  if (unknown.length) {
    throw new AppError('validation_failed', `Unknown placeholders: ${unknown.join(', ')}`, {
      invalidParams: unknown.map((v) => ({
        name: 'body',
        reason: `{{${v}}} is not a variable of ${kind} messages`,
      })),
    });
  }
  await repo.upsertTemplate(ctx.db, {
    id: newId(),
    org_id: ctx.orgId,
    kind,
    language,
    subject: t.subject,
    body: t.body,
    updated_at: ctx.clock.now().toISOString(),
  });
  await recordAudit(ctx, 'template.saved', undefined, { kind, language });
  return { kind, language, ...t, custom: true, variables: TEMPLATE_VARIABLES[kind] };
}

export async function resetTemplate(
  ctx: Ctx,
  kind: MessageKind,
  language: Language,
): Promise<TemplateView> {
  assertCan(ctx.actor, 'org.manage');
  await repo.deleteTemplate(ctx.db, ctx.orgId, kind, language);
  await recordAudit(ctx, 'template.reset', undefined, { kind, language });
  return {
    kind,
    language,
    ...DEFAULT_TEMPLATES[kind][language],
    custom: false,
    variables: TEMPLATE_VARIABLES[kind],
  };
}
