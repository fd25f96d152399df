// A real SMTP server (smtp-server) on 127.0.0.1 for tests: it receives what ClientLoop sends,
// parsed by mailparser, and can refuse mail on demand to exercise retries.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** When each of `messages` began to arrive (Date.now()), in the same order. */
  receivedAt: number[];
  /** While > 0, each incoming message is refused with a 451 and the counter drops by one. */
  refuseNext: number;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** The addresses a received mail was sent to. */
export const recipientsOf = (mail: ParsedMail): (string | undefined)[] =>
  [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

/**
 * `opts.recipient`: keep only the mails addressed to it (a test about what a client hears is not
 * disturbed by the mails people of the organisation get, such as a case owner's).
 */
export async function startTestSmtp(opts: { recipient?: string } = {}): Promise<TestSmtp> {
  const state = { messages: [] as ParsedMail[], receivedAt: [] as number[], refuseNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      // The mail's arrival is when its data begins: its sender was alive then.
      const arrivedAt = Date.now();
      if (state.refuseNext > 0) {
        state.refuseNext -= 1;
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('try again later'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          if (!opts.recipient || recipientsOf(mail).includes(opts.recipient)) {
            state.messages.push(mail);
            state.receivedAt.push(arrivedAt);
          }
          callback();
        })
        .catch(callback);
    },
  });
  // A sender killed mid-conversation resets its connection: not the test's failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    port,
    get messages() {
      return state.messages;
    },
    get receivedAt() {
      return state.receivedAt;
    },
    get refuseNext() {
      return state.refuseNext;
    },
    set refuseNext(n: number) {
      state.refuseNext = n;
    },
    async waitFor(count, timeoutMs = 5000) {
      const start = Date.now();
      while (state.messages.length < count) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`expected ${count} mails, got ${state.messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
