import { describe, expect, it, vi } from 'vitest';
import {
  checkWebhookTarget,
  forbiddenAddressReason,
  parseWebhookUrl,
  type Resolver,
} from './ssrf-guard.ts';

/** A resolver that answers from a table and never touches the network. */
const stubResolver = (table: Record<string, string[]>): Resolver =>
  vi.fn(async (host: string) => {
    const answers = table[host];
    if (!answers)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);
  });

const noDns: Resolver = async () => {
  throw new Error('DNS must not be asked for an IP literal');
};

describe('SSRF guard', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.10.20.30:8080/x', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fc00::1]/', 'unique local'],
    ['http://[fd12:3456::1]/', 'unique local'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://100.127.255.254/', 'carrier-grade NAT'],
    ['http://0.0.0.0/', 'this network'],
    ['http://0.1.2.3/', 'this network'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://239.255.255.250/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[::ffff:127.0.0.1]/', 'loopback inside IPv6'],
    ['http://[::ffff:7f00:1]/', 'loopback inside IPv6'],
    ['http://[::ffff:a9fe:a9fe]/', 'link-local (cloud metadata) inside IPv6'],
    ['http://[64:ff9b::7f00:1]/', 'loopback inside IPv6'],
    ['http://[::127.0.0.1]/', 'loopback inside IPv6'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://3232235777/', 'private'],
  ])('refuses %s (%s) without asking DNS', async (url, why) => {
    const check = await checkWebhookTarget(url, null, noDns);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toContain(why);
      expect(check.retryable).toBe(false);
    }
  });

  it.each([
    ['ftp://example.com/', 'only http and https'],
    ['file:///etc/passwd', 'only http and https'],
    ['gopher://example.com/', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['not a url', 'not a valid absolute URL'],
    ['https://user:pass@example.com/', 'credentials'],
  ])('refuses the URL %s (%s)', (url, why) => {
    const parsed = parseWebhookUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(why);
  });

  it.each([
    ['localhost', ['127.0.0.1']],
    ['metadata.internal', ['169.254.169.254']],
    ['intranet.example', ['10.0.0.7']],
    ['v6-private.example', ['fd00::5']],
    ['mapped.example', ['::ffff:192.168.0.1']],
    ['mixed.example', ['203.0.113.9', '127.0.0.1']],
  ])('refuses the host name %s that resolves to %j', async (host, answers) => {
    const resolve = stubResolver({ [host]: answers });
    const check = await checkWebhookTarget(`https://${host}/hook`, null, resolve);
    expect(check.ok).toBe(false);
    expect(resolve).toHaveBeenCalledWith(host);
  });

  it('accepts a public address and pins the first resolved one', async () => {
    const check = await checkWebhookTarget(
      'https://hooks.example/in?x=1',
      null,
      stubResolver({ 'hooks.example': ['203.0.113.5', '2001:db8::5'] }),
    );
    expect(check).toMatchObject({ ok: true, address: { address: '203.0.113.5', family: 4 } });
  });

  it('accepts public IPv4 and IPv6 literals', async () => {
    expect((await checkWebhookTarget('http://8.8.8.8/', null, noDns)).ok).toBe(true);
    expect((await checkWebhookTarget('https://[2606:4700::1111]/', null, noDns)).ok).toBe(true);
    expect((await checkWebhookTarget('http://172.32.0.1/', null, noDns)).ok).toBe(true);
    expect((await checkWebhookTarget('http://100.128.0.1/', null, noDns)).ok).toBe(true);
  });

  it('lets a private host through only when allowedHost equals the URL host exactly', async () => {
    expect((await checkWebhookTarget('http://127.0.0.1:8080/in', '127.0.0.1:8080', noDns)).ok).toBe(
      true,
    );
    expect((await checkWebhookTarget('http://127.0.0.1:8080/in', '127.0.0.1', noDns)).ok).toBe(
      false,
    );
    expect((await checkWebhookTarget('http://127.0.0.1:8081/in', '127.0.0.1:8080', noDns)).ok).toBe(
      false,
    );
    const resolve = stubResolver({ 'erp.local': ['10.0.0.2'] });
    expect(await checkWebhookTarget('http://erp.local/hook', 'erp.local', resolve)).toMatchObject({
      ok: true,
      address: { address: '10.0.0.2' },
    });
  });

  it('reports a name that does not resolve as retryable', async () => {
    const check = await checkWebhookTarget('https://gone.example/', null, stubResolver({}));
    expect(check).toMatchObject({ ok: false, retryable: true });
  });

  it('names the range of a forbidden address and passes public ones', () => {
    expect(forbiddenAddressReason('169.254.169.254')).toMatch(/metadata/);
    expect(forbiddenAddressReason('::ffff:10.0.0.1')).toMatch(/private inside IPv6/);
    expect(forbiddenAddressReason('1.1.1.1')).toBeUndefined();
    expect(forbiddenAddressReason('2001:4860:4860::8888')).toBeUndefined();
    expect(forbiddenAddressReason('::ffff:8.8.8.8')).toBeUndefined();
  });
});
