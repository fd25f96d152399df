// Tags on cases (issue 21): a few short labels per case, kept as a JSON array on the case row
// (read with it, so every list shows them without another query). Stored lower-case and limited
// to letters, digits, spaces and hyphens, so the list filter can match a quoted tag with LIKE on
// both dialects without escaping.
import { sql, type SqlBool, type Expression } from 'kysely';
import { AppError } from '../../http/errors.ts';
import {
  CASE_TAG_MAX_LENGTH,
  CASE_TAGS_PER_CASE,
} from '../../../shared/domain/resolution-codes.ts';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u;

/** A tag as stored: trimmed, single spaces, lower-case; 422 invalid_tag when it cannot be one. */
export function normaliseTag(raw: string): string {
  const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!tag || tag.length > CASE_TAG_MAX_LENGTH || !TAG.test(tag))
    throw new AppError('invalid_tag', 'A tag is 1–40 letters, digits, spaces or hyphens', {
      invalidParams: [{ name: 'body.tag', reason: 'invalid' }],
    });
  return tag;
}

export function tagsOf(row: { tags: string }): string[] {
  return JSON.parse(row.tags) as string[];
}

/** The case's tags with `add` (sorted, no repeats); too many tags on one case → 422. */
export function withTags(current: string[], add: string[]): string[] {
  const next = [...new Set([...current, ...add.map(normaliseTag)])].sort();
  if (next.length > CASE_TAGS_PER_CASE)
    throw new AppError('invalid_tag', `A case carries at most ${CASE_TAGS_PER_CASE} tags`, {
      invalidParams: [{ name: 'body.tag', reason: 'too many' }],
    });
  return next;
}

/** `tags` holds the tag: its JSON-quoted form inside the array's text. */
export function hasTag(tag: string): Expression<SqlBool> {
  return sql<SqlBool>`tags like ${`%${JSON.stringify(normaliseTag(tag))}%`}`;
}
