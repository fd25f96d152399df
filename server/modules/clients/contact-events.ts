// Data-subject rights (issue 19, 152-FZ / GDPR): the events the clients module emits for the
// modules above it (ADR 008). A contact is core, but what is known about it lives in the loop
// (feedback, cases, messages, calls, invitations, inbound mail …): each module subscribes from its
// index.ts and contributes its own rows through its own service, in the emitter's transaction.
import type { Ctx, OrgScope } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { createHook } from '../../lib/hook.ts';

/** Whose data: the contact as it is before anything changes. */
export interface ContactSubject {
  contactId: string;
  clientId: string;
  /** Lower-cased; modules that keep an address, not an id (inbound mail), match on it. */
  email: string | null;
  /** As stored on the contact (a module normalises it for its own matching). */
  phone: string | null;
}

/** One module's part of an export: a titled list of plain records. */
export interface ExportSection {
  key: string;
  title: { ru: string; en: string };
  items: Record<string, unknown>[];
}

export interface ContactExporting extends ContactSubject {
  /** Each subscriber pushes its sections here. */
  sections: ExportSection[];
}

/** Collect everything a module holds about one contact (an export, read-only). */
export const contactExporting = createHook<OrgScope, ContactExporting>('clients.contactExporting');

export interface ContactErasing extends ContactSubject {
  /** Each subscriber adds how many of its rows it changed (for the audit entry; never data). */
  counts: Record<string, number>;
}

/**
 * A contact is being erased: remove or anonymise the personal fields and free texts of the
 * module's rows about it, keep scores, times and stages (every rollup stays as it was), and stop
 * anything queued for it. Must be idempotent: a second erasure changes nothing.
 */
export const contactErasing = createHook<Ctx, ContactErasing>('clients.contactErasing');

export interface ContactDeleting {
  contactId: string;
}

/**
 * A contact (already erased) is about to be deleted with the rows that cascade from it: a module
 * whose counts include those rows takes them out, in this transaction.
 */
export const contactDeleting = createHook<OrgScope, ContactDeleting>('clients.contactDeleting');

export interface ClientDeleting {
  clientId: string;
}

/**
 * A client is about to be deleted: a module whose rows still name it throws clientInUse() (409),
 * as for stages; the admin deletes or erases those first. Its contacts are erased by the emitter.
 */
export const clientDeleting = createHook<OrgScope, ClientDeleting>('clients.deleting');

export const clientInUse = (what: string) =>
  new AppError('client_in_use', `The client still has ${what}; delete them first`);

export const contactErased = () =>
  new AppError('contact_erased', 'The contact was erased; it cannot be changed or written to');
