// Shared by the webhook delivery tests: a real HTTP receiver on 127.0.0.1, the Standard Webhooks
// signature check, and the test network. Tests never leave loopback, yet loopback is refused by
// the guard whatever the operator allows (issue 19); so the receiver goes by a name that
// resolves to a private address the operator allowed (OUTBOUND_ALLOWED_HOSTS=receiver.test), and
// the test network's sender dials 127.0.0.1 where the guard's pinned address would have been.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinnedPost } from '../../lib/net/pinned-post.ts';
import type { WebhookNetwork } from '../../lib/net/network.ts';
import type { PostRequest } from '../../lib/net/pinned-post.ts';

export const RECEIVER_NAME = 'receiver.test';
/** What the guard sees for RECEIVER_NAME: private, so only the operator's exception lets it by. */
export const RECEIVER_ADDRESS = { address: '10.255.0.1', family: 4 as const };

/** Resolves RECEIVER_NAME (nothing else); sends to 127.0.0.1 instead of the pinned address. */
export function loopbackNetwork(sent: PostRequest[] = []): WebhookNetwork {
  return {
    resolve: async (host) => {
      if (host === RECEIVER_NAME) return [RECEIVER_ADDRESS];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    },
    post: (req) => {
      sent.push(req);
      return pinnedPost({ ...req, address: { address: '127.0.0.1', family: 4 } });
    },
  };
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering with the statuses queued in `replies` (then 200). */
export async function startReceiver() {
  const received: Received[] = [];
  const replies: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const status = replies.shift() ?? 200;
      res.writeHead(
        status,
        status >= 300 && status < 400 ? { location: `http://127.0.0.1:${port}/elsewhere` } : {},
      );
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    replies,
    port,
    host: `${RECEIVER_NAME}:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function verify(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`)
    .digest('base64');
  return r.headers['webhook-signature'] === `v1,${mac}`;
}
