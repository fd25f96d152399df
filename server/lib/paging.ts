// Cursor pagination over time-ordered UUIDv7 ids: the cursor is the last id of the page.
import { z } from 'zod';
import { AppError } from '../http/errors.ts';
import { isUuid } from './ids.ts';

export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function encodeCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id))
    throw new AppError('validation_failed', 'The cursor is not valid', {
      invalidParams: [{ name: 'query.cursor', reason: 'not a cursor from a previous page' }],
    });
  return id;
}

/** Rows fetched with limit + 1 → the page and the next cursor. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

/**
 * Lists ordered by the date they show (feedback by received_at, cases and the audit log by
 * created_at, transactions by their calendar date YYYY-MM-DD) page on (date, id): the id breaks
 * ties, so the order is total and stable.
 */
export interface KeyCursor {
  at: string;
  id: string;
}

export function encodeKeyCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeKeyCursor(cursor: string | undefined): KeyCursor | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const at = text.slice(0, bar);
  const id = text.slice(bar + 1);
  if (bar < 0 || !isUuid(id) || !/^\d{4}-\d\d-\d\d(T[\d:.]+Z)?$/.test(at) || isNaN(Date.parse(at)))
    throw new AppError('validation_failed', 'The cursor is not valid', {
      invalidParams: [{ name: 'query.cursor', reason: 'not a cursor from a previous page' }],
    });
  return { at, id };
}

/** Rows fetched with limit + 1, newest first → the page and the (date, id) cursor after it. */
export function toKeyPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  atOf: (row: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeKeyCursor(atOf(last), last.id) : null,
  };
}

/** A page asked of a list ordered newest first on (date, id): after `before`, at most `limit`. */
export interface KeyPageQuery {
  before?: KeyCursor;
  limit: number;
}

/** Rows of one page, fetched with limit + 1 (toKeyPage), and how many rows all pages hold. */
export interface CountedRows<T> {
  total: number;
  rows: T[];
}
