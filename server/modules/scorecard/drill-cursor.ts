// Cursors of the drill-down: the (date, id) of the last row of a page, newest first. Lists read
// page by page in SQL take lib/paging's strict key cursor (an id and a date the database can
// compare); lists computed whole (cases, KPI values, eNPS counts) take any short key.
import { AppError } from '../../http/errors.ts';
import { decodeKeyCursor, encodeKeyCursor, type KeyCursor } from '../../lib/paging.ts';

const LOOSE_AT = /^[\dTZ:.-]{0,40}$/;
const LOOSE_ID = /^[\w:.-]{1,100}$/;

export const encodeDrillCursor = (at: string | null, id: string) => encodeKeyCursor(at ?? '', id);

export function decodeDrillCursor(
  cursor: string | undefined,
  strict: boolean,
): KeyCursor | undefined {
  if (strict || !cursor) return decodeKeyCursor(cursor);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const at = text.slice(0, bar);
  const id = text.slice(bar + 1);
  if (bar < 0 || !LOOSE_AT.test(at) || !LOOSE_ID.test(id))
    throw new AppError('validation_failed', 'The cursor is not valid', {
      invalidParams: [{ name: 'query.cursor', reason: 'not a cursor from a previous page' }],
    });
  return { at, id };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Newest first on (at, id) by code points; a missing date sorts as the oldest. */
export function compareDesc(a: { at: string | null; id: string }, b: KeyCursor): number {
  return -(cmp(a.at ?? '', b.at) || cmp(a.id, b.id));
}
