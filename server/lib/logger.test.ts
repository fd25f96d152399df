// The lazy request logger: it writes exactly what an eager pino child would, with every binding,
// and creates no child at all while nothing is logged.
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, lazyChild } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('lazyChild', () => {
  it('creates no pino child for calls below the level, and logs with all bindings above it', async () => {
    const { lines, stream } = capture();
    const root = createLogger('warn', stream);
    const spy = vi.spyOn(root, 'child');
    const request = lazyChild(root, { reqId: 'r-1' });
    const actor = request.child({ orgId: 'o-1' });
    actor.info('not written');
    actor.debug({ a: 1 }, 'not written');
    expect(actor.isLevelEnabled('info')).toBe(false);
    expect(actor.level).toBe('warn');
    expect(spy).not.toHaveBeenCalled();

    actor.warn({ detail: 'x' }, 'written');
    await flush();
    expect(spy).toHaveBeenCalled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      reqId: 'r-1',
      orgId: 'o-1',
      detail: 'x',
      msg: 'written',
      level: 40,
    });
  });

  it('keeps redaction: a secret in a lazily logged object is censored', async () => {
    const { lines, stream } = capture();
    const log = lazyChild(createLogger('info', stream), { reqId: 'r-2' });
    log.info({ user: { password: 'hunter2', email: 'a@b.ru' } }, 'login');
    await flush();
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(JSON.stringify(lines)).not.toContain('a@b.ru');
    expect(lines[0]).toMatchObject({ reqId: 'r-2', msg: 'login' });
  });

  it('reports its bindings and follows a level change', () => {
    const { stream } = capture();
    const log = lazyChild(createLogger('info', stream), { reqId: 'r-3' });
    expect(log.bindings()).toMatchObject({ reqId: 'r-3' });
    log.level = 'error';
    expect(log.isLevelEnabled('warn')).toBe(false);
    expect(log.level).toBe('error');
  });
});
