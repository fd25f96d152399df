// Outbound mail over real SMTP (nodemailer). Without SMTP_URL there is no mailer and messages
// stay in the outbox as not_sent.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID, so a retried send is recognisable as the same mail downstream. */
  messageId: string;
  headers?: Record<string, string>;
  inReplyTo?: string;
  /** Files that go with the mail (the monthly report's PDF). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ accepted: boolean; response: string }>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    // Plain local relays (and test servers) often offer no STARTTLS; use it when offered.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    tls: { rejectUnauthorized: url.searchParams.get('tls') !== 'insecure' },
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.inReplyTo } : {}),
      });
      return { accepted: info.accepted.length > 0, response: String(info.response ?? '') };
    },
    close() {
      transport.close();
    },
  };
}
