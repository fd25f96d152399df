// /inbound in the browser: the organisation's address is shown, and mail from an unknown sender,
// sent over real SMTP to the built-in receiver, waits in quarantine until a person accepts it.
import { createServer, type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type ApiCall,
  type Harness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };

let harness: Harness;
let api: ApiCall;
let smtpPort: number;

async function probePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The app reads its receiver port from configuration, so a probed port can be taken by another
 * process before the receiver binds it: on EADDRINUSE probe again and retry (a few times).
 */
async function startWithInboundPort(attempts = 5): Promise<{ harness: Harness; port: number }> {
  for (let i = 1; ; i++) {
    const port = await probePort();
    try {
      return { harness: await startHarness({ INBOUND_SMTP_PORT: String(port) }), port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i >= attempts) throw error;
    }
  }
}

beforeAll(async () => {
  ({ harness, port: smtpPort } = await startWithInboundPort());
  api = await apiClientFor(harness);
}, 60_000);

afterAll(async () => harness?.stop());

describe('the inbound mail page', () => {
  it('shows the address and accepts quarantined mail from a stranger, on a phone', async () => {
    const { address } = (await api<{ address: string }>('GET', '/api/v1/inbound/address')).json;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      tls: { rejectUnauthorized: false },
    });
    await transport
      .sendMail({
        from: 'Незнакомец <stranger@example.org>',
        to: address,
        subject: 'Счёт не пришёл',
        text: 'Второй день жду счёт на оплату.',
      })
      .finally(() => transport.close());

    const { page, errors } = await openSignedIn(harness, PHONE, '/inbound');
    expect(await page.getByTestId('inbound-address').textContent()).toBe(address);
    // The receiver runs here, so no warning that mail to the address is not received.
    expect(await page.getByTestId('inbound-receiver-off').count()).toBe(0);
    const mail = page.getByTestId('quarantine-item').filter({ hasText: 'Счёт не пришёл' });
    await mail.waitFor(WAIT);
    expect(await mail.textContent()).toContain('stranger@example.org');
    await page.screenshot({ path: `${SCREENSHOTS}/inbound-quarantine-phone.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await mail.getByRole('button', { name: 'Принять' }).click();
    await page.getByText('Письмо принято как отзыв').waitFor(WAIT);
    await page.getByText('Карантин пуст').waitFor(WAIT);
    const feedback = await api<{ items: { channel: string; text: string }[] }>(
      'GET',
      '/api/v1/feedback',
    );
    expect(feedback.json.items).toMatchObject([
      { channel: 'email', text: 'Второй день жду счёт на оплату.' },
    ]);
    expect(errors).toEqual([]);
  }, 30_000);
});
