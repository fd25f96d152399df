// Shared by the inbound e-mail tests: real mail sent with nodemailer.
import nodemailer, { type SendMailOptions } from 'nodemailer';

export type Mail = SendMailOptions;

export function sendTo(port: number, mail: Mail) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    tls: { rejectUnauthorized: false },
  });
  return transport.sendMail(mail).finally(() => transport.close());
}
