// Shared by the inbound e-mail tests: a free local port, and real mail sent with nodemailer.
import { createServer, type AddressInfo } from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

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
