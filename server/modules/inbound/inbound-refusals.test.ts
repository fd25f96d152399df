// E-mail in, end to end: real mail sent with nodemailer to the built-in receiver, the
// acknowledgement caught by a second real SMTP server, a real worker, both dialects.
// This file: mail refused (unknown recipient, oversized, flooding) or dropped (auto-replies).
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { inboundKit, sendTo } from './inbound.fixtures.ts';
import { startReceiver } from './index.ts';

describe.each(testDialects())('e-mail in on %s', (dialect) => {
  const kit = inboundKit(dialect);
  const { setup, addContact, feedbackOf } = kit;
  const count = async (table: 'feedback' | 'inbound_messages') =>
    (await kit.t.deps.db.selectFrom(table).select('id').execute()).length;

  it('refuses an unknown recipient with 550 and stores nothing', async () => {
    const { org, port } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const err = await sendTo(port, {
      from: 'ivan@example.ru',
      to: 'feedback+zzzzzzzzzzzzzz@cx.example.ru',
      subject: 'x',
      text: 'Привет',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(await count('feedback')).toBe(0);
    expect(await count('inbound_messages')).toBe(0);
  });

  it('drops auto-replies and empty mail without storing or answering them', async () => {
    const { org, send, worker } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const out = await send({
      from: 'ivan@example.ru',
      subject: 'Автоответ: Заказ',
      text: 'Я в отпуске до понедельника',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(out.response).toMatch(/^250/);
    await send({
      from: 'ivan@example.ru',
      subject: 'Re',
      text: '> только цитата',
      headers: { Precedence: 'normal' },
    });
    await send({
      from: 'stranger@example.org',
      subject: 'Out of office',
      text: 'Away',
      headers: { 'X-Autoreply': 'yes' },
    });
    await worker.drain();
    expect(await count('feedback')).toBe(0);
    expect(await count('inbound_messages')).toBe(0);
    expect(kit.smtp.messages).toHaveLength(0);
  });

  it('refuses an oversized message with 552 and rate-limits a flooding sender with 451', async () => {
    const { org } = await setup();
    await addContact(org, 'ivan@example.ru', 'ru');
    const { address } = (
      await call(kit.t.app, org.apiKey, { method: 'GET', url: '/api/v1/inbound/address' })
    ).json();
    const small = await startReceiver(kit.t.deps, { port: 0, host: '127.0.0.1', maxBytes: 4_000 });
    const strict = await startReceiver(kit.t.deps, { port: 0, host: '127.0.0.1', perMinute: 2 });
    kit.stopAfter(small.stop, strict.stop);
    const big = await sendTo(small.port, {
      from: 'ivan@example.ru',
      to: address,
      subject: 'x',
      text: 'я'.repeat(5_000),
    }).catch((e: unknown) => e);
    expect(big).toMatchObject({ responseCode: 552 });
    await sendTo(strict.port, { from: 'ivan@example.ru', to: address, subject: '1', text: 'Раз' });
    await sendTo(strict.port, { from: 'ivan@example.ru', to: address, subject: '2', text: 'Два' });
    const third = await sendTo(strict.port, {
      from: 'ivan@example.ru',
      to: address,
      subject: '3',
      text: 'Три',
    }).catch((e: unknown) => e);
    expect(third).toMatchObject({ responseCode: 451 });
    expect((await feedbackOf(org)).map((f: { text: string }) => f.text)).toEqual(['Два', 'Раз']);
  });
});
