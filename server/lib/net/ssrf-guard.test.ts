import { describe, expect, it, vi } from 'vitest';
import {
  checkOutboundTarget,
  forbiddenAddressReason,
  NO_EXCEPTIONS,
  type OutboundPolicy,
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
    ['http://[::ffff:0:7f00:1]/', 'loopback inside IPv6'],
    ['http://[::ffff:0:10.0.0.1]/', 'private inside IPv6'],
    ['http://[64:ff9b:1::a00:1]/', 'local-use NAT64'],
    ['http://[2002:7f00:1::1]/', 'loopback inside IPv6'],
    ['http://[2002:a9fe:a9fe::]/', 'link-local (cloud metadata) inside IPv6'],
    ['http://[2002:c0a8:101::1]/', 'private inside IPv6'],
    ['http://[fd00:ec2::254]/', 'cloud metadata'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://3232235777/', 'private'],
  ])('refuses %s (%s) without asking DNS', async (url, why) => {
    const check = await checkOutboundTarget(url, NO_EXCEPTIONS, noDns);
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
    const check = await checkOutboundTarget(`https://${host}/hook`, NO_EXCEPTIONS, resolve);
    expect(check.ok).toBe(false);
    expect(resolve).toHaveBeenCalledWith(host);
  });

  it('accepts a public address and pins the first resolved one', async () => {
    const check = await checkOutboundTarget(
      'https://hooks.example/in?x=1',
      NO_EXCEPTIONS,
      stubResolver({ 'hooks.example': ['203.0.113.5', '2001:db8::5'] }),
    );
    expect(check).toMatchObject({ ok: true, address: { address: '203.0.113.5', family: 4 } });
  });

  it('accepts public IPv4 and IPv6 literals', async () => {
    expect((await checkOutboundTarget('http://8.8.8.8/', NO_EXCEPTIONS, noDns)).ok).toBe(true);
    expect((await checkOutboundTarget('https://[2606:4700::1111]/', NO_EXCEPTIONS, noDns)).ok).toBe(
      true,
    );
    expect((await checkOutboundTarget('http://172.32.0.1/', NO_EXCEPTIONS, noDns)).ok).toBe(true);
    expect((await checkOutboundTarget('http://100.128.0.1/', NO_EXCEPTIONS, noDns)).ok).toBe(true);
  });

  const operator = (reach: OutboundPolicy['allowedReach'], ...hosts: string[]): OutboundPolicy => ({
    allowedHosts: hosts,
    allowedReach: reach,
  });

  it("lets the operator's allowed host reach a private address, matched by host:port or name", async () => {
    const resolve = stubResolver({ 'erp.local': ['10.0.0.2'] });
    expect(
      await checkOutboundTarget('http://erp.local/hook', operator('private', 'erp.local'), resolve),
    ).toMatchObject({ ok: true, address: { address: '10.0.0.2' } });
    const exact = operator('private', '10.0.0.5:8080');
    expect((await checkOutboundTarget('http://10.0.0.5:8080/in', exact, noDns)).ok).toBe(true);
    expect((await checkOutboundTarget('http://10.0.0.5:8081/in', exact, noDns)).ok).toBe(false);
    expect((await checkOutboundTarget('http://10.0.0.6:8080/in', exact, noDns)).ok).toBe(false);
  });

  it.each([
    ['http://127.0.0.1:8080/in', '127.0.0.1:8080'],
    ['http://[::1]:8080/in', '[::1]:8080'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://[fd00:ec2::254]/', '[fd00:ec2::254]'],
    ['http://[fe80::1]/', '[fe80::1]'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
  ])('refuses %s for a webhook even when the operator lists it', async (url, host) => {
    expect((await checkOutboundTarget(url, operator('private', host), noDns)).ok).toBe(false);
  });

  it('refuses a name of an allowed host that resolves to loopback or metadata', async () => {
    const resolve = stubResolver({ 'erp.local': ['10.0.0.2', '169.254.169.254'] });
    const check = await checkOutboundTarget(
      'http://erp.local/',
      operator('private', 'erp.local'),
      resolve,
    );
    expect(check).toMatchObject({ ok: false, retryable: false });
  });

  it('lets an operator-chosen URL (the text provider) on an allowed host reach loopback', async () => {
    const policy = operator('any', '127.0.0.1:11434');
    expect((await checkOutboundTarget('http://127.0.0.1:11434/v1/chat', policy, noDns)).ok).toBe(
      true,
    );
    expect((await checkOutboundTarget('http://127.0.0.1:11435/v1/chat', policy, noDns)).ok).toBe(
      false,
    );
  });

  it('reports a name that does not resolve as retryable', async () => {
    const check = await checkOutboundTarget(
      'https://gone.example/',
      NO_EXCEPTIONS,
      stubResolver({}),
    );
    expect(check).toMatchObject({ ok: false, retryable: true });
  });

  it('names the range of a forbidden address and passes public ones', () => {
    expect(forbiddenAddressReason('169.254.169.254')).toMatch(/metadata/);
    expect(forbiddenAddressReason('::ffff:10.0.0.1')).toMatch(/private inside IPv6/);
    expect(forbiddenAddressReason('1.1.1.1')).toBeUndefined();
    expect(forbiddenAddressReason('2001:4860:4860::8888')).toBeUndefined();
    expect(forbiddenAddressReason('::ffff:8.8.8.8')).toBeUndefined();
    expect(forbiddenAddressReason('2002:808:808::1')).toBeUndefined();
  });
});
