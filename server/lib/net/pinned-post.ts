// One POST to a webhook receiver, connected to the address the SSRF guard approved (never a
// fresh DNS answer), with a hard deadline and no redirects. The Host header and TLS name check
// still use the URL's host name, so HTTPS certificates are verified as usual.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './ssrf-guard.ts';

export interface PostRequest {
  url: URL;
  /** The connection goes here, whatever DNS says by now. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** The receiver's status code, or the network error that prevented one. */
export type PostResult = { status: number } | { error: string };
export type PostFn = (req: PostRequest) => Promise<PostResult>;

const USER_AGENT = 'ClientLoop-Webhooks/1';

export const pinnedPost: PostFn = (req) =>
  new Promise((resolve) => {
    // Answers every lookup with the approved address (both the single and the `all` form).
    const lookup = ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
      if (opts?.all) cb(null, [{ address: req.address.address, family: req.address.family }]);
      else cb(null, req.address.address, req.address.family);
    }) as unknown as LookupFunction;
    const client = req.url.protocol === 'https:' ? https : http;
    const request = client.request(req.url, {
      method: 'POST',
      lookup,
      agent: false, // a pooled socket could belong to another address; one connection per delivery
      signal: AbortSignal.timeout(req.timeoutMs),
      headers: {
        ...req.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(req.body)),
        'user-agent': USER_AGENT,
      },
    });
    request.on('response', (res) => {
      // Only the status matters; the body is not read, so a chatty receiver cannot hold us.
      resolve({ status: res.statusCode ?? 0 });
      res.destroy();
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      const timedOut = err.name === 'AbortError' || err.name === 'TimeoutError';
      resolve({
        error: timedOut
          ? `no response within ${req.timeoutMs} ms`
          : `${err.code ?? err.name}: ${err.message}`,
      });
    });
    request.end(req.body);
  });
