// The introspector retries a catalogue read that lost a race with a dropped schema (42P01) or a
// column renamed in another schema (42703), and only those: other errors, and a race that does not end, still fail.
import { describe, expect, it } from 'vitest';
import { RetryingIntrospector } from './pg-introspection.ts';

const undefinedTable = () =>
  Object.assign(new Error('relation "t_x.jobs" does not exist'), { code: '42P01' });

function flaky(failures: number, error: () => Error) {
  let calls = 0;
  const read = async () => {
    calls++;
    if (calls <= failures) throw error();
    return [{ name: 'jobs', schema: 't_mine', isView: false, columns: [] }];
  };
  return { calls: () => calls, inner: { getSchemas: read, getTables: read, getMetadata: read } };
}

describe('RetryingIntrospector', () => {
  it('reads again after a dropped-schema race', async () => {
    const f = flaky(2, undefinedTable);
    const tables = await new RetryingIntrospector(f.inner as never).getTables();
    expect(tables).toHaveLength(1);
    expect(f.calls()).toBe(3);
  });

  it('reads again after a column of another schema was renamed meanwhile', async () => {
    const renamed = () =>
      Object.assign(new Error('column "secret" of relation "webhooks" does not exist'), {
        code: '42703',
      });
    const f = flaky(1, renamed);
    expect(await new RetryingIntrospector(f.inner as never).getTables()).toHaveLength(1);
    expect(f.calls()).toBe(2);
  });

  it('gives up after five attempts, and never retries other errors', async () => {
    const endless = flaky(99, undefinedTable);
    await expect(new RetryingIntrospector(endless.inner as never).getTables()).rejects.toThrow(
      'does not exist',
    );
    expect(endless.calls()).toBe(5);
    const other = flaky(1, () => Object.assign(new Error('syntax'), { code: '42601' }));
    await expect(new RetryingIntrospector(other.inner as never).getTables()).rejects.toThrow(
      'syntax',
    );
    expect(other.calls()).toBe(1);
  });
});
