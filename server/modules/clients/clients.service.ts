// Use-cases for clients: create, read, list (Cyrillic search), update. Contacts are in
// contacts.service.ts; the matching intake channels rely on is in parties.service.ts.
import { inTransaction, type Ctx } from '../../context.ts';
import type {
  ClientKind,
  ClientsTable,
  ClientStatus,
  ContactRole,
  PreferredChannel,
} from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { economicsColumns, type ClientEconomicsInput } from './client-economics.ts';
import * as repo from './clients.repo.ts';
import { emitRegrouped, groupOf } from './client-groups.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { INN_PATTERN } from '../../../shared/api/clients.ts';

export type { ContactRole, PreferredChannel };
export type { ContactInput, ContactPatch } from './contacts.service.ts';

export interface ClientInput extends ClientEconomicsInput {
  name: string;
  externalId?: string;
  segment?: string;
  kind?: ClientKind;
  tier?: string;
  managerId?: string;
  status?: ClientStatus;
  corporateSpecifics?: string;
  inn?: string;
}

/** A client's manager must be a person of the same organisation. */
async function assertManager(ctx: Ctx, managerId: string | null | undefined): Promise<void> {
  if (managerId && !(await findOrgUser(ctx, managerId))) {
    throw unknownReference('body.managerId', 'user');
  }
}

/** 422 naming body.inn unless it is 10 or 12 digits. */
export function assertInn(inn: string | null | undefined): void {
  if (inn && !INN_PATTERN.test(inn))
    throw new AppError('unprocessable', 'The INN is not valid', {
      invalidParams: [{ name: 'body.inn', reason: '10 or 12 digits' }],
    });
}

/** Folded (foldForSearch), so Cyrillic search works on SQLite too. */
export function searchTextOf(c: Pick<ClientsTable, 'name' | 'external_id' | 'segment'>): string {
  return foldForSearch([c.name, c.external_id, c.segment].filter(Boolean).join(' '));
}

export async function insertNewClient(ctx: Ctx, input: ClientInput): Promise<ClientsTable> {
  const row = newClientRow(ctx, input);
  await repo.insertClient(ctx.db, row);
  return row;
}

export function newClientRow(ctx: Pick<Ctx, 'orgId' | 'clock'>, input: ClientInput): ClientsTable {
  const now = ctx.clock.now().toISOString();
  const row: ClientsTable = {
    id: newId(),
    org_id: ctx.orgId,
    name: input.name,
    kind: input.kind ?? 'company',
    external_id: input.externalId ?? null,
    segment: input.segment ?? null,
    search_text: '',
    created_at: now,
    updated_at: now,
    tier: input.tier ?? null,
    manager_id: input.managerId ?? null,
    status: input.status ?? 'active',
    corporate_specifics: input.corporateSpecifics ?? null,
    inn: input.inn ?? null,
    estimated_annual_budget_minor: null,
    strategic_fit: null,
    // Throws 422 before anything is written when a value is out of range.
    ...economicsColumns(input),
  };
  row.search_text = searchTextOf(row);
  return row;
}

export async function createClient(ctx: Ctx, input: ClientInput): Promise<ClientsTable> {
  assertCan(ctx.actor, 'data.write');
  assertInn(input.inn);
  economicsColumns(input); // 422 for a bad value before any other check
  return inTransaction(ctx, async (tx) => {
    if (
      input.externalId &&
      (await repo.findClientByExternalId(tx.db, tx.orgId, input.externalId))
    ) {
      throw new AppError(
        'conflict',
        `A client with external id ${input.externalId} already exists`,
      );
    }
    await assertManager(tx, input.managerId);
    const row = await insertNewClient(tx, input);
    await recordAudit(tx, 'client.created', { type: 'client', id: row.id });
    return row;
  });
}

export async function getClient(ctx: Ctx, id: string): Promise<ClientsTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getClient(ctx.db, ctx.orgId, id);
}

export async function listClients(
  ctx: Ctx,
  query: {
    q?: string;
    segment?: string;
    managerId?: string;
    status?: ClientStatus;
    minStrategicFit?: number;
    cursor?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'data.read');
  // A filter naming another organisation's person is the same 404 as one naming nobody, never an
  // empty page (SECURITY.md: ids in query strings are scoped like ids in paths).
  if (query.managerId !== undefined && !(await findOrgUser(ctx, query.managerId)))
    throw unknownReference('query.managerId', 'user');
  const rows = await repo.listClients(ctx.db, ctx.orgId, {
    q: query.q ? foldForSearch(query.q) : undefined,
    segment: query.segment,
    managerId: query.managerId,
    status: query.status,
    minStrategicFit: query.minStrategicFit,
    afterId: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit);
}

export interface ClientPatch extends ClientEconomicsInput {
  name?: string;
  externalId?: string | null;
  segment?: string | null;
  kind?: ClientKind;
  tier?: string | null;
  managerId?: string | null;
  status?: ClientStatus;
  corporateSpecifics?: string | null;
  inn?: string | null;
}

export async function updateClient(ctx: Ctx, id: string, patch: ClientPatch) {
  assertCan(ctx.actor, 'data.write');
  assertInn(patch.inn);
  const economics = economicsColumns(patch);
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getClient(tx.db, tx.orgId, id);
    if (patch.externalId && patch.externalId !== current.external_id) {
      const other = await repo.findClientByExternalId(tx.db, tx.orgId, patch.externalId);
      if (other)
        throw new AppError(
          'conflict',
          `A client with external id ${patch.externalId} already exists`,
        );
    }
    await assertManager(tx, patch.managerId);
    const next = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.externalId !== undefined ? { external_id: patch.externalId } : {}),
      ...(patch.segment !== undefined ? { segment: patch.segment } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    };
    const card = {
      ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
      ...(patch.managerId !== undefined ? { manager_id: patch.managerId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.corporateSpecifics !== undefined
        ? { corporate_specifics: patch.corporateSpecifics }
        : {}),
      ...(patch.inn !== undefined ? { inn: patch.inn } : {}),
      ...economics,
    };
    await repo.updateClient(tx.db, tx.orgId, id, {
      name: next.name,
      external_id: next.external_id,
      segment: next.segment,
      kind: next.kind,
      ...card,
      search_text: searchTextOf(next),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(tx, 'client.updated', { type: 'client', id }, { fields: Object.keys(patch) });
    const updated = await repo.getClient(tx.db, tx.orgId, id);
    await emitRegrouped(tx, id, groupOf(current), groupOf(updated));
    return updated;
  });
}
