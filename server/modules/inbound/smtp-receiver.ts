// The built-in SMTP receiver (INBOUND_SMTP_PORT): refuses recipients that name no organisation,
// rate-limits senders, refuses oversized mail, and hands each message to the intake. It runs in the
// web process, so its memory is bounded (issue 19): at most maxClients connections, and
// maxClientsPerAddress from one address (421), and at most maxBufferedBytes of message data held
// at once across all connections, until each message is stored (452 past it: try again later). Every
// handler answers through its callback — nothing thrown here may take the process down; a
// failure to store answers 451 so the sending server retries rather than losing the message.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Deps } from '../../deps.ts';
import * as repo from './inbound.repo.ts';
import { quarantineUnreadable, takeInMail, type InboundMail } from './mail-intake.ts';
import { tokenOfRecipient } from './mail-rules.ts';
import { createTokenBuckets } from './token-bucket.ts';

export interface ReceiverOptions {
  port: number;
  host: string;
  maxBytes?: number;
  /** Messages per minute per remote address and per sender, with a burst of the same size. */
  perMinute?: number;
  /** Connections at once, in all and from one address. */
  maxClients?: number;
  maxClientsPerAddress?: number;
  /** Message data held in memory at once across connections (received, not yet stored). */
  maxBufferedBytes?: number;
}

export interface RunningReceiver {
  port: number;
  /** Message data held right now (tests wait on it). */
  bufferedBytes(): number;
  stop(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_CLIENTS = 50;
export const DEFAULT_MAX_CLIENTS_PER_ADDRESS = 5;
const DEFAULT_PER_MINUTE = 30;

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

function firstAddress(
  from: AddressObject | AddressObject[] | undefined,
): { address: string; name: string } | undefined {
  const first = (Array.isArray(from) ? from[0] : from)?.value[0];
  return first?.address ? { address: first.address, name: first.name ?? '' } : undefined;
}

/**
 * mailparser's own HTML-to-text conversion is skipped: the intake converts the HTML itself, on a
 * bounded prefix and in linear time (reply-text.ts), whatever the size of the body.
 */
export const PARSER_OPTIONS = {
  skipImageLinks: true,
  skipTextToHtml: true,
  skipHtmlToText: true,
} as const;

export function toInboundMail(parsed: ParsedMail, envelopeFrom: string): InboundMail {
  return {
    envelopeFrom,
    from: firstAddress(parsed.from),
    subject: parsed.subject ?? '',
    text: parsed.text,
    html: parsed.html || undefined,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    date: parsed.date,
    headers: parsed.headers,
  };
}

/** The organisations the accepted recipients name (a message may go to several). */
async function orgsOf(deps: Deps, recipients: SMTPServerAddress[]): Promise<string[]> {
  const orgIds = new Set<string>();
  for (const r of recipients) {
    const token = tokenOfRecipient(r.address);
    const orgId = token ? await repo.findOrgIdByToken(deps.db, token) : undefined;
    if (orgId) orgIds.add(orgId);
  }
  return [...orgIds];
}

async function deliver(deps: Deps, session: SMTPServerSession, raw: Buffer): Promise<void> {
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const orgIds = await orgsOf(deps, session.envelope.rcptTo);
  let parsed: ParsedMail | undefined;
  try {
    parsed = await simpleParser(raw, PARSER_OPTIONS);
  } catch {
    parsed = undefined;
  }
  for (const orgId of orgIds) {
    if (parsed) await takeInMail(deps, orgId, toInboundMail(parsed, envelopeFrom));
    else await quarantineUnreadable(deps, orgId, envelopeFrom, raw);
  }
}

export async function startReceiver(deps: Deps, opts: ReceiverOptions): Promise<RunningReceiver> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const perMinute = opts.perMinute ?? DEFAULT_PER_MINUTE;
  const buckets = createTokenBuckets({ capacity: perMinute, refillPerMinute: perMinute });
  const log = deps.log.child({ component: 'inbound-smtp' });
  const perAddress = opts.maxClientsPerAddress ?? DEFAULT_MAX_CLIENTS_PER_ADDRESS;
  const budget = opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const connections = new Map<string, number>();
  const counted = new Set<string>();
  let buffered = 0;

  const server = new SMTPServer({
    banner: 'ClientLoop',
    logger: false,
    authOptional: true,
    // An inbound mail exchanger takes mail for its own addresses; nobody needs to sign in.
    disabledCommands: ['AUTH'],
    size: maxBytes,
    rejectOversized: true,
    maxClients: opts.maxClients ?? DEFAULT_MAX_CLIENTS,
    closeTimeout: 5_000,
    onConnect(session, callback) {
      const address = session.remoteAddress;
      const open = connections.get(address) ?? 0;
      if (open >= perAddress) {
        log.warn('inbound SMTP connection refused: too many from one address');
        return callback(smtpError(421, '4.7.0 Too many connections from your address'));
      }
      connections.set(address, open + 1);
      counted.add(session.id);
      callback();
    },
    onClose(session) {
      if (!counted.delete(session.id)) return;
      const left = (connections.get(session.remoteAddress) ?? 1) - 1;
      if (left > 0) connections.set(session.remoteAddress, left);
      else connections.delete(session.remoteAddress);
    },
    onMailFrom(address, session, callback) {
      const sender = address.address.toLowerCase();
      if (!buckets.take(`ip:${session.remoteAddress}`) || !buckets.take(`from:${sender}`)) {
        log.warn('inbound mail rate-limited');
        return callback(smtpError(451, '4.7.1 Too many messages, try again later'));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      const token = tokenOfRecipient(address.address);
      const lookup = token ? repo.findOrgIdByToken(deps.db, token) : Promise.resolve(undefined);
      lookup.then(
        (orgId) => callback(orgId ? undefined : smtpError(550, '5.1.1 No such mailbox here')),
        (err: unknown) => {
          log.error({ err }, 'inbound recipient lookup failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let held = 0;
      let overBudget = false;
      const release = () => {
        buffered -= held;
        held = 0;
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes || overBudget) return;
        if (buffered + chunk.length > budget) {
          // Too much mail in memory at once: drop this one's data, the sender retries later.
          overBudget = true;
          chunks.length = 0;
          release();
          return;
        }
        buffered += chunk.length;
        held += chunk.length;
        chunks.push(chunk);
      });
      stream.on('error', () => {
        release();
        callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          release();
          return callback(smtpError(552, '5.3.4 Message too big'));
        }
        if (overBudget) {
          log.warn('inbound mail deferred: receiver memory budget reached');
          return callback(smtpError(452, '4.3.1 Insufficient system storage, try again later'));
        }
        deliver(deps, session, Buffer.concat(chunks)).then(
          () => {
            release();
            callback(null, 'Message accepted');
          },
          (err: unknown) => {
            release();
            log.error({ err }, 'inbound mail could not be stored');
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => log.error({ err }, 'inbound SMTP server error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port }, 'inbound SMTP receiver listening');
  return {
    port,
    bufferedBytes: () => buffered,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
