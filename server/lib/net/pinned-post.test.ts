// The sender on its own, against receivers on 127.0.0.1 only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pinnedPost } from './pinned-post.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const loopback = { address: '127.0.0.1', family: 4 as const };

describe('pinned webhook POST', () => {
  it('gives up after the deadline when the receiver never answers, and hangs up', async () => {
    // No stopwatch: that the sender itself ended the exchange (the receiver never answers, yet
    // its request closes) is what shows the deadline at work, whatever the machine's speed.
    let hungUp = false;
    const port = await listen((req) => {
      req.socket.on('close', () => (hungUp = true)); // accepts, never responds
    });
    const result = await pinnedPost({
      url: new URL(`http://127.0.0.1:${port}/slow`),
      address: loopback,
      headers: {},
      body: '{}',
      timeoutMs: 200,
    });
    expect(result).toEqual({ error: 'no response within 200 ms' });
    await vi.waitFor(() => expect(hungUp).toBe(true));
  });

  it('returns a redirect status as it is, without following the Location', async () => {
    const paths: string[] = [];
    const port = await listen((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(307, { location: '/moved' }).end();
    });
    const result = await pinnedPost({
      url: new URL(`http://127.0.0.1:${port}/hook`),
      address: loopback,
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
    });
    expect(result).toEqual({ status: 307 });
    expect(paths).toEqual(['/hook']);
  });

  it('reports a refused connection as an error', async () => {
    const port = await listen(() => {});
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const result = await pinnedPost({
      url: new URL(`http://127.0.0.1:${port}/`),
      address: loopback,
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
    });
    expect(result).toEqual({ error: expect.stringContaining('ECONNREFUSED') });
  });
});
