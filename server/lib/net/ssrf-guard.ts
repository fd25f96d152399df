// SSRF guard: an organisation's admin types a URL and our server calls it, so the URL must not
// reach our own network (loopback, private ranges, cloud metadata). Checked when a webhook is
// saved and again before each delivery, after DNS, and the sender connects to the very address
// checked here (DNS pinning), so a name that re-resolves to 127.0.0.1 later cannot slip through.
// No I/O of its own: DNS comes in as a Resolver so tests never leave the machine.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export type TargetCheck =
  | { ok: true; url: URL; address: ResolvedAddress }
  /** `retryable`: DNS failed, which may pass later; a refused address is final. */
  | { ok: false; reason: string; retryable: boolean };

interface Range {
  net: string;
  prefix: number;
  name: string;
  /** Never reachable, whatever the operator allows: loopback, link-local, metadata. */
  always: boolean;
}
const range = (net: string, prefix: number, name: string, always = false): Range => ({
  net,
  prefix,
  name,
  always,
});
const V4_RANGES: Range[] = [
  range('0.0.0.0', 8, 'this network', true),
  range('10.0.0.0', 8, 'private'),
  range('100.64.0.0', 10, 'carrier-grade NAT'),
  range('127.0.0.0', 8, 'loopback', true),
  range('169.254.0.0', 16, 'link-local (cloud metadata)', true),
  range('172.16.0.0', 12, 'private'),
  range('192.0.0.0', 24, 'IETF protocol assignments'),
  range('192.168.0.0', 16, 'private'),
  range('198.18.0.0', 15, 'benchmarking'),
  range('224.0.0.0', 4, 'multicast', true),
  range('240.0.0.0', 4, 'reserved / broadcast', true),
];
const V6_RANGES: Range[] = [
  range('::', 128, 'unspecified', true),
  range('::1', 128, 'loopback', true),
  range('fd00:ec2::254', 128, 'cloud metadata', true),
  range('64:ff9b:1::', 48, 'local-use NAT64'),
  range('fc00::', 7, 'unique local (private)'),
  range('fe80::', 10, 'link-local', true),
  range('fec0::', 10, 'site-local (private)'),
  range('ff00::', 8, 'multicast', true),
];
const listOf = (ranges: Range[], family: 'ipv4' | 'ipv6') =>
  ranges.map((r) => {
    const one = new BlockList();
    one.addSubnet(r.net, r.prefix, family);
    return { ...r, list: one };
  });
const V4 = listOf(V4_RANGES, 'ipv4');
const V6 = listOf(V6_RANGES, 'ipv6');

/** Why an address may not be called: the range's name, and whether no exception can lift it. */
export interface Refusal {
  reason: string;
  always: boolean;
}

/** The 8 hextets of an IPv6 address (which may end in dotted IPv4). */
function ipv6Hextets(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...middle, ...t].map((x) => parseInt(x, 16));
}

const dotted = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');

/**
 * IPv4 carried inside IPv6: mapped ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d, compatible
 * ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, and 6to4 2002:AABB:CCDD::/48 (the IPv4 in hextets 1–2).
 */
function embeddedIpv4(ip: string): string | undefined {
  const x = ipv6Hextets(ip);
  const zeros = (from: number, to: number) => x.slice(from, to).every((v) => v === 0);
  if (x[0] === 0x2002) return dotted(x[1]!, x[2]!);
  const mapped = zeros(0, 5) && x[5] === 0xffff;
  const translated = zeros(0, 4) && x[4] === 0xffff && x[5] === 0;
  const compatible = zeros(0, 6) && (x[6] !== 0 || x[7]! > 1);
  const nat64 = x[0] === 0x64 && x[1] === 0xff9b && zeros(2, 6);
  if (!mapped && !translated && !compatible && !nat64) return undefined;
  return dotted(x[6]!, x[7]!);
}

/** Why an IP address may not be called, or undefined when it is a public address. */
export function refusalOf(ip: string): Refusal | undefined {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) {
    const hit = V4.find((r) => r.list.check(bare, 'ipv4'));
    return hit && { reason: hit.name, always: hit.always };
  }
  if (family !== 6) return { reason: 'not an IP address', always: true };
  const v4 = embeddedIpv4(bare);
  if (v4) {
    const inner = refusalOf(v4);
    return inner && { reason: `IPv4 ${inner.reason} inside IPv6`, always: inner.always };
  }
  const hit = V6.find((r) => r.list.check(bare, 'ipv6'));
  return hit && { reason: hit.name, always: hit.always };
}

/** Why an IP address may not be called, or undefined when it is a public address. */
export function forbiddenAddressReason(ip: string): string | undefined {
  return refusalOf(ip)?.reason;
}

/**
 * Parses the URL, checks scheme and form. The WHATWG parser already turns 2130706433, 0x7f.1,
 * 0177.0.0.1 and 127.1 into 127.0.0.1, so the address checks see every IPv4 spelling as dotted.
 */
export function parseWebhookUrl(
  raw: string,
): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'only http and https URLs are allowed' };
  if (url.username || url.password)
    return { ok: false, reason: 'credentials in the URL are not allowed' };
  if (!url.hostname) return { ok: false, reason: 'the URL has no host' };
  return { ok: true, url };
}

/**
 * Who may lift the guard, and how far: the operator's OUTBOUND_ALLOWED_HOSTS (host or host:port).
 * For a URL a tenant typed (webhooks) an allowed host may reach private addresses only; for a URL
 * the operator configured (the text provider) an allowed host is not checked at all.
 */
export interface OutboundPolicy {
  allowedHosts: readonly string[];
  allowedReach: 'private' | 'any';
}

export const NO_EXCEPTIONS: OutboundPolicy = { allowedHosts: [], allowedReach: 'private' };

export function isAllowedHost(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const name = url.hostname.toLowerCase();
  return allowedHosts.some((h) => h === host || h === name);
}

/** Decides whether `rawUrl` may be called and which address to connect to. */
export async function checkOutboundTarget(
  rawUrl: string,
  policy: OutboundPolicy,
  resolve: Resolver,
): Promise<TargetCheck> {
  const parsed = parseWebhookUrl(rawUrl);
  if (!parsed.ok) return { ...parsed, retryable: false };
  const { url } = parsed;
  const allowed = isAllowedHost(url, policy.allowedHosts);
  const host = url.hostname.replace(/^\[|\]$/g, '');

  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      return {
        ok: false,
        reason: `the host name does not resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
        retryable: true,
      };
    }
    if (addresses.length === 0)
      return { ok: false, reason: 'the host name does not resolve', retryable: true };
  }
  // Every answer must pass: a name with one public and one private address is refused.
  for (const a of addresses) {
    const refusal = refusalOf(a.address);
    if (!refusal) continue;
    if (allowed && (policy.allowedReach === 'any' || !refusal.always)) continue;
    return {
      ok: false,
      reason: `the address ${isIP(host) ? '' : `of ${host} `}is ${refusal.reason}`,
      retryable: false,
    };
  }
  return { ok: true, url, address: addresses[0]! };
}
