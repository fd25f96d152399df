// The text provider's outbound call (issue 19): through the SSRF guard unless the operator allows
// its host, no redirects followed, the answer read up to 1 MiB. A real HTTP server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseWithProvider, PROVIDER_MAX_ANSWER_BYTES } from './provider.ts';

const ANSWER = JSON.stringify({
  choices: [
    { message: { content: '{"sentiment":"negative","score":-0.5,"topics":["delivery"]}' } },
  ],
});

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A provider that answers each path its own way and counts the calls per path. */
async function provider(routes: Record<string, (res: import('node:http').ServerResponse) => void>) {
  const calls: string[] = [];
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls.push(req.url ?? '');
      (routes[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { calls, host, url: (path: string) => `http://${host}${path}` };
}

const ok = (res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER);

describe('the text provider call', () => {
  it('refuses a loopback URL the operator did not allow, without connecting', async () => {
    const p = await provider({ '/v1': ok });
    expect(await analyseWithProvider(p.url('/v1'), 'Курьер опоздал', ['delivery'])).toBeNull();
    expect(p.calls).toEqual([]);
  });

  it('calls a provider on a host the operator allowed', async () => {
    const p = await provider({ '/v1': ok });
    const answer = await analyseWithProvider(p.url('/v1'), 'Курьер опоздал', ['delivery'], {
      allowedHosts: [p.host],
    });
    expect(answer).toEqual({ sentiment: 'negative', score: -0.5, topics: ['delivery'] });
    expect(p.calls).toEqual(['/v1']);
  });

  it('does not follow a redirect', async () => {
    const p = await provider({
      '/v1': (res) => res.writeHead(302, { location: '/elsewhere' }).end(),
      '/elsewhere': ok,
    });
    const answer = await analyseWithProvider(p.url('/v1'), 'текст', ['delivery'], {
      allowedHosts: [p.host],
    });
    expect(answer).toBeNull();
    expect(p.calls).toEqual(['/v1']);
  });

  it('gives up on an answer over 1 MiB', async () => {
    // A valid answer padded with JSON whitespace: only the size cap can refuse it.
    const huge = ANSWER + ' '.repeat(PROVIDER_MAX_ANSWER_BYTES);
    const p = await provider({
      '/v1': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(huge),
    });
    const answer = await analyseWithProvider(p.url('/v1'), 'текст', ['delivery'], {
      allowedHosts: [p.host],
    });
    expect(answer).toBeNull();
  });
});
