// The SMTP receiver's bounds (issue 19), with real SMTP clients (raw sockets speaking SMTP and
// nodemailer): connections from one address and in all are capped (421), and message data held
// in memory across connections is capped (452, try later) until the held message is stored.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { inboundKit, sendTo } from './inbound.fixtures.ts';
import { startReceiver } from './index.ts';

/** A client speaking SMTP by hand: it can stay connected or stop in the middle of a message. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let seen = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (d) => {
    seen += d.toString('latin1');
    for (const w of waiters.splice(0)) w();
  });
  socket.on('close', () => {
    for (const w of waiters.splice(0)) w();
  });
  socket.on('error', () => undefined);
  /** Resolves with everything received once it matches `re` (or the connection closed). */
  const until = async (re: RegExp) => {
    while (!re.test(seen) && !socket.destroyed) await new Promise<void>((r) => waiters.push(r));
    return seen;
  };
  return { socket, until, write: (s: string) => socket.write(s), close: () => socket.destroy() };
}

describe.each(testDialects())('SMTP receiver bounds on %s', (dialect) => {
  const kit = inboundKit(dialect);
  const { setup, addContact, feedbackOf } = kit;

  it('caps connections per address and in all with 421', async () => {
    await setup();
    const perAddress = await startReceiver(kit.t.deps, {
      port: 0,
      host: '127.0.0.1',
      maxClientsPerAddress: 2,
      maxClients: 10,
    });
    const total = await startReceiver(kit.t.deps, {
      port: 0,
      host: '127.0.0.1',
      maxClientsPerAddress: 10,
      maxClients: 2,
    });
    kit.stopAfter(perAddress.stop, total.stop);
    for (const receiver of [perAddress, total]) {
      const held = [rawClient(receiver.port), rawClient(receiver.port)];
      for (const c of held) expect(await c.until(/^220 /m)).toMatch(/^220 /);
      const third = rawClient(receiver.port);
      expect(await third.until(/^421 /m)).toMatch(/^421 /m);
      const refused = await sendTo(receiver.port, {
        from: 'ivan@example.ru',
        to: 'x@cx.example.ru',
        text: 'x',
      }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ responseCode: 421 });
      // Once one leaves, the next is served.
      held[0]!.close();
      await new Promise<void>((r) => held[0]!.socket.once('close', () => r()));
      let next = rawClient(receiver.port);
      let greeting = await next.until(/^(220|421) /m);
      // The server notices the close a moment later: try until it has (no timing asserted).
      while (greeting.startsWith('421')) {
        next.close();
        next = rawClient(receiver.port);
        greeting = await next.until(/^(220|421) /m);
      }
      expect(greeting).toMatch(/^220 /);
      for (const c of [held[1]!, third, next]) c.close();
    }
  });

  it('defers mail with 452 while other mail fills the memory budget, and takes it after', async () => {
    const { org } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const { address } = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    const receiver = await startReceiver(kit.t.deps, {
      port: 0,
      host: '127.0.0.1',
      maxBytes: 200_000,
      maxBufferedBytes: 100_000,
      perMinute: 100,
    });
    kit.stopAfter(receiver.stop);

    // A slow sender: 70 000 bytes of a message, not finished yet.
    const slow = rawClient(receiver.port);
    await slow.until(/^220 /m);
    slow.write('EHLO slow.example.ru\r\n');
    await slow.until(/^250 /m);
    slow.write(`MAIL FROM:<ivan@example.ru>\r\nRCPT TO:<${address}>\r\nDATA\r\n`);
    await slow.until(/^354 /m);
    slow.write('From: ivan@example.ru\r\nSubject: slow\r\n\r\n');
    const line = `${'a'.repeat(98)}\r\n`;
    slow.write(line.repeat(700));
    while (receiver.bufferedBytes() < 70_000) await new Promise((r) => setTimeout(r, 10));

    const big = { from: 'ivan@example.ru', to: address, subject: 'big', text: 'б'.repeat(20_000) };
    const deferred = await sendTo(receiver.port, big).catch((e: unknown) => e);
    expect(deferred).toMatchObject({ responseCode: 452 });
    expect(receiver.bufferedBytes()).toBeLessThanOrEqual(100_000);

    slow.write('Спасибо\r\n.\r\n');
    const done = await slow.until(/Message accepted|\n[45]\d\d [^\n]*\n$/);
    expect(done).toMatch(/Message accepted/);
    slow.close();
    expect(receiver.bufferedBytes()).toBe(0);
    const later = await sendTo(receiver.port, big);
    expect(later.response).toMatch(/^250/);
    expect(receiver.bufferedBytes()).toBe(0);
    expect((await feedbackOf(org)).length).toBe(2);
  });
});
