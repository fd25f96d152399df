import { describe, expect, it } from 'vitest';
import { createHook } from './hook.ts';

describe('createHook', () => {
  it('runs subscribers in order, once per name, and passes the emitter its context', async () => {
    const hook = createHook<{ log: string[] }, number>('test.event');
    hook.subscribe('a', async (ctx, n) => void ctx.log.push(`a${n}`));
    hook.subscribe('b', async (ctx, n) => void ctx.log.push(`b${n}`));
    hook.subscribe('a', async (ctx, n) => void ctx.log.push(`A${n}`));
    const ctx = { log: [] as string[] };
    await hook.emit(ctx, 1);
    expect(ctx.log).toEqual(['A1', 'b1']);
    expect(hook.subscribers()).toEqual(['a', 'b']);
  });

  it('lets a failing subscriber fail the emitter (its transaction rolls back)', async () => {
    const hook = createHook<object, void>('test.failing');
    hook.subscribe('broken', async () => {
      throw new Error('planted');
    });
    await expect(hook.emit({}, undefined)).rejects.toThrow('planted');
  });
});
