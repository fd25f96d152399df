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

const FORBIDDEN = new BlockList();
const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
];
const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (private)'],
  ['ff00::', 8, 'multicast'],
];
for (const [net, prefix] of V4_RANGES) FORBIDDEN.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of V6_RANGES) FORBIDDEN.addSubnet(net, prefix, 'ipv6');

function rangeName(ip: string, family: 'ipv4' | 'ipv6'): string {
  const ranges = family === 'ipv4' ? V4_RANGES : V6_RANGES;
  const hit = ranges.find(([net, prefix]) => {
    const one = new BlockList();
    one.addSubnet(net, prefix, family);
    return one.check(ip, family);
  });
  return hit?.[2] ?? 'forbidden';
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

/** IPv4 hidden inside IPv6: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d. */
function embeddedIpv4(ip: string): string | undefined {
  const x = ipv6Hextets(ip);
  const zeros = (n: number) => x.slice(0, n).every((v) => v === 0);
  const mapped = zeros(5) && x[5] === 0xffff;
  const compatible = zeros(6) && (x[6] !== 0 || x[7]! > 1);
  const nat64 = x[0] === 0x64 && x[1] === 0xff9b && x.slice(2, 6).every((v) => v === 0);
  if (!mapped && !compatible && !nat64) return undefined;
  return [x[6]! >> 8, x[6]! & 0xff, x[7]! >> 8, x[7]! & 0xff].join('.');
}

/** Why an IP address may not be called, or undefined when it is a public address. */
export function forbiddenAddressReason(ip: string): string | undefined {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return FORBIDDEN.check(bare, 'ipv4') ? rangeName(bare, 'ipv4') : undefined;
  if (family !== 6) return 'not an IP address';
  const v4 = embeddedIpv4(bare);
  if (v4) return forbiddenAddressReason(v4) && `IPv4 ${rangeName(v4, 'ipv4')} inside IPv6`;
  return FORBIDDEN.check(bare, 'ipv6') ? rangeName(bare, 'ipv6') : undefined;
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
 * Decides whether `rawUrl` may be called and which address to connect to. `allowedHost` is an
 * admin's explicit exception: when it equals the URL's host exactly, private addresses pass.
 */
export async function checkWebhookTarget(
  rawUrl: string,
  allowedHost: string | null,
  resolve: Resolver,
): Promise<TargetCheck> {
  const parsed = parseWebhookUrl(rawUrl);
  if (!parsed.ok) return { ...parsed, retryable: false };
  const { url } = parsed;
  const exempt = allowedHost !== null && allowedHost === url.host;
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
  if (!exempt) {
    // Every answer must be public: a name with one public and one private address is refused.
    for (const a of addresses) {
      const why = forbiddenAddressReason(a.address);
      if (why)
        return {
          ok: false,
          reason: `the address ${isIP(host) ? '' : `of ${host} `}is ${why}`,
          retryable: false,
        };
    }
  }
  return { ok: true, url, address: addresses[0]! };
}
