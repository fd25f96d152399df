// readAllPages: every page of a list in order, following the cursor to the end, and the cap —
// maxRows rows pass, maxRows + 1 is 422 too_many_rows without reading further.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { readAllPages } from './list-export.ts';

/** A list of `n` rows served `size` at a time, counting the pages asked for. */
function pager(n: number, size: number) {
  const asked: (string | undefined)[] = [];
  const read = async (cursor: string | undefined) => {
    asked.push(cursor);
    const from = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(size, n - from) }, (_, i) => from + i);
    return { items, nextCursor: from + size < n ? String(from + size) : null };
  };
  return { read, asked };
}

describe('readAllPages', () => {
  it('reads every page in order, following the cursor', async () => {
    const { read, asked } = pager(7, 3);
    expect(await readAllPages(read, 100)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).toEqual([undefined, '3', '6']);
  });

  it('takes exactly maxRows rows and refuses one more, before reading the rest', async () => {
    expect(await readAllPages(pager(6, 3).read, 6)).toHaveLength(6);
    const { read, asked } = pager(100, 3);
    const refused = await readAllPages(read, 6).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('too_many_rows');
    expect((refused as AppError).status).toBe(422);
    expect(asked).toEqual([undefined, '3', '6']);
  });
});
