// Shared by the inbound e-mail tests: an app on one dialect with a real SMTP server for the
// acknowledgements, the built-in receiver on a free port, and real mail sent with nodemailer.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, expect } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/support/smtp.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import type { Dialect } from '../../db/create-db.ts';
import { startReceiver } from './index.ts';

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

/** Call inside a describe: registers its own clean-up and returns the helpers. */
export function inboundKit(dialect: Dialect) {
  let t: TestApp;
  let smtp: TestSmtp;
  const stoppers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stoppers.splice(0)) await stop();
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    smtp = await startTestSmtp();
    t = await createTestApp({
      dialect,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://cx.example.ru' },
    });
    // Port 0: the system picks a free port while binding, so parallel runs never race for one.
    const receiver = await startReceiver(t.deps, { port: 0, host: '127.0.0.1' });
    stoppers.push(receiver.stop);
    const port = receiver.port;
    const org = await createTestOrg(t.deps, 'Ромашка');
    const { address } = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    return {
      org,
      address: address as string,
      port,
      worker: testWorker(t.deps),
      send: (mail: Mail, toPort = port) => sendTo(toPort, { to: address, ...mail }),
    };
  }

  async function addContact(org: TestOrg, email: string, language: 'ru' | 'en', name = 'Иван') {
    const client = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { name: `Клиент ${email}` },
      })
    ).json();
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${client.id}/contacts`,
      payload: { name, email, language },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const feedbackOf = async (org: TestOrg) =>
    (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback' })).json().items;

  return {
    setup,
    /** Stops these (e.g. extra receivers) after the test, with the rest. */
    stopAfter: (...stops: Array<() => Promise<void>>) => void stoppers.push(...stops),
    addContact,
    feedbackOf,
    get t() {
      return t;
    },
    get smtp() {
      return smtp;
    },
  };
}
