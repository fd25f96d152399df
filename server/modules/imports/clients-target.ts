// The clients target: a CRM export of clients and their contacts. A row's client is matched by
// external id, else INN, else a contact's e-mail, and updated with what the row gives; otherwise
// it is created (it then needs a name). Rows are written in file order, so a client repeated on
// several rows (one row per contact) is created once and matched by the rows after it.
import { z } from 'zod';
import { INN_PATTERN, phone } from '../../../shared/api/clients.ts';
import {
  CLIENT_FIELDS,
  MAX_REPORTED_ERRORS,
  type ImportField,
} from '../../../shared/api/imports.ts';
import type { Ctx } from '../../context.ts';
import {
  findClient,
  findClientByKey,
  findClientContactByName,
  findContactByEmail,
  insertClientRecord,
  insertContactRecord,
  patchClientRecord,
  patchContactRecord,
  type ContactRole,
} from '../clients/index.ts';
import { CLIENT_SYNONYMS, CONTACT_ROLE_NAMES, LANGUAGE_NAMES } from './clients-words.ts';
import { convertEachRow, type ImportTarget, type TargetOutcome } from './targets.ts';

export interface ClientRowInput {
  externalId?: string;
  name?: string;
  inn?: string;
  segment?: string;
  contact?: {
    email?: string;
    name?: string;
    phone?: string;
    language?: 'ru' | 'en';
    roles?: ContactRole[];
  };
}

const email = z.email().max(254);

export const clientsTarget: ImportTarget<ClientRowInput> = {
  name: 'clients',
  fields: CLIENT_FIELDS,
  synonyms: CLIENT_SYNONYMS,
  required: [['clientExternalId', 'clientName', 'inn', 'contactEmail']],
  rehearse: true,
  convert: (table, mapping) =>
    convertEachRow(
      table,
      mapping,
      CLIENT_FIELDS,
      (cell, fail) => {
        const tooLong = (f: ImportField, max: number) => {
          const v = cell(f);
          if (v !== undefined && v.length > max)
            fail(f, 'too_long', `${f} is longer than ${max} characters`);
          return v?.slice(0, max);
        };
        const out: ClientRowInput = {
          externalId: tooLong('clientExternalId', 200),
          name: tooLong('clientName', 300),
          segment: tooLong('segment', 100),
        };
        const inn = cell('inn')?.replace(/[\s\u00A0]/g, '');
        if (inn !== undefined && !INN_PATTERN.test(inn))
          fail('inn', 'invalid_inn', 'An INN has 10 digits (a company) or 12 (a person)');
        else out.inn = inn;
        const contact: NonNullable<ClientRowInput['contact']> = {
          name: tooLong('contactName', 300),
        };
        const mail = cell('contactEmail')?.toLowerCase();
        if (mail !== undefined && !email.safeParse(mail).success)
          fail('contactEmail', 'invalid_email', `"${mail.slice(0, 60)}" is not an e-mail address`);
        else contact.email = mail;
        const tel = cell('contactPhone');
        if (tel !== undefined && !phone.safeParse(tel).success)
          fail(
            'contactPhone',
            'invalid_phone',
            'A phone number of digits, spaces, dashes, brackets',
          );
        else contact.phone = tel;
        const lang = cell('contactLanguage');
        if (lang !== undefined) {
          contact.language = LANGUAGE_NAMES[lang.toLowerCase()];
          if (!contact.language)
            fail('contactLanguage', 'unknown_language', `Unknown language "${lang}"; use ru or en`);
        }
        const roles = cell('contactRole');
        if (roles !== undefined) {
          const words = roles
            .split(/[,;/]/)
            .map((w) => w.trim().toLowerCase())
            .filter(Boolean);
          const known = words.map((w) => CONTACT_ROLE_NAMES[w]);
          if (known.some((r) => !r))
            fail(
              'contactRole',
              'unknown_role',
              'Roles are decision maker (ЛПР), influencer, user or payer',
            );
          else contact.roles = [...new Set(known as ContactRole[])];
        }
        if (Object.values(contact).some((v) => v !== undefined)) out.contact = contact;
        if (!out.externalId && !out.name && !out.inn && !contact.email)
          fail(null, 'client_missing', 'The row names no client: no code, name, INN or e-mail');
        return out;
      },
      MAX_REPORTED_ERRORS,
    ),
  async commit(tx, rows) {
    const outcome: TargetOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    for (const { row, input } of rows) {
      const written = await writeClientRow(tx, input);
      if (typeof written === 'object') {
        if (outcome.errors.length < MAX_REPORTED_ERRORS)
          outcome.errors.push({
            row,
            column: null,
            value: null,
            code: 'client_name_missing',
            message: written.error,
            field: 'clientName',
          });
      } else outcome[written] += 1;
    }
    return outcome;
  },
};

/** One row's client (matched or created) and contact; a message when the row cannot be written. */
async function writeClientRow(
  tx: Ctx,
  input: ClientRowInput,
): Promise<'created' | 'updated' | 'duplicates' | { error: string }> {
  const byEmail = input.contact?.email
    ? await findContactByEmail(tx, input.contact.email)
    : undefined;
  let client =
    (input.externalId && (await findClientByKey(tx, { externalId: input.externalId }))) ||
    (input.inn && (await findClientByKey(tx, { inn: input.inn }))) ||
    (byEmail && (await findClient(tx, byEmail.client_id))) ||
    undefined;
  let status: 'created' | 'updated' | 'duplicates' = 'duplicates';
  if (!client) {
    if (!input.name)
      return {
        error: 'A new client needs a name: the row matches no client by code, INN or e-mail',
      };
    client = await insertClientRecord(tx, {
      name: input.name,
      externalId: input.externalId,
      inn: input.inn,
      segment: input.segment,
    });
    status = 'created';
  } else {
    const patch = {
      name: input.name !== client.name ? input.name : undefined,
      segment: input.segment !== (client.segment ?? undefined) ? input.segment : undefined,
      inn: input.inn && !client.inn ? input.inn : undefined,
      // A code is filled in, never changed: another system may know the client by it.
      externalId: input.externalId && !client.external_id ? input.externalId : undefined,
    };
    if (Object.values(patch).some((v) => v !== undefined)) {
      client = await patchClientRecord(tx, client, patch);
      status = 'updated';
    }
  }
  const contact = input.contact;
  if (!contact || (!contact.email && !contact.name && !contact.phone)) return status;
  // Without an e-mail, a contact of the same name under the client is the same person.
  const same =
    byEmail ??
    (!contact.email && contact.name
      ? await findClientContactByName(tx, client.id, contact.name)
      : undefined);
  if (same) {
    const patch = {
      name: contact.name !== same.name ? contact.name : undefined,
      phone: contact.phone !== (same.phone ?? undefined) ? contact.phone : undefined,
      language: contact.language !== same.language ? contact.language : undefined,
      roles:
        contact.roles && JSON.stringify(contact.roles) !== JSON.stringify(JSON.parse(same.roles))
          ? contact.roles
          : undefined,
    };
    if (Object.values(patch).some((v) => v !== undefined)) {
      await patchContactRecord(tx, same.id, patch);
      if (status === 'duplicates') status = 'updated';
    }
    return status;
  }
  await insertContactRecord(tx, client.id, contact);
  return status === 'duplicates' ? 'updated' : status;
}
