/**
 * Where a webhook may be sent: the SSRF guard's pure policy. A target URL is judged by its form
 * (`checkTargetUrl`) and every address its host resolves to is judged by `checkAddress`; the
 * platform's resolver (shared/platform/webhook-target.ts) does the resolving and pins the address
 * it checked, so a DNS answer that changes between the check and the connection cannot redirect it.
 *
 * Only public unicast addresses pass. Loopback passes only when the policy allows it (the offline
 * cloud's functions with the demo tenant's setting); every other private range never does.
 * `node:net` here is arithmetic on addresses (BlockList, isIP), no I/O.
 */
import { BlockList, isIP } from 'node:net';

export interface TargetPolicy {
  /**
   * Loopback (127.0.0.0/8, ::1) allowed: only when the deployment allows it (WEBHOOK_LOOPBACK_ALLOWED)
   * AND the tenant's settings do (`webhooks.allowLoopback`). Never in AWS.
   */
  allowLoopback: boolean;
}

/** Why a target is refused: the rule's name (stable, for clients) and a Vietnamese / English text. */
export interface TargetRefusal {
  rule: string;
  message: string;
}

/** A target URL whose form passed: what to resolve and where to connect. */
export interface CheckedTarget {
  url: URL;
  /** The host without IPv6 brackets, as DNS and TLS (SNI) take it. */
  hostname: string;
  port: number;
  /** Set when the host is an IP literal (already checked): nothing to resolve. */
  literal?: { address: string; family: 4 | 6 };
}

export type TargetCheck = { ok: true; target: CheckedTarget } | { ok: false; refusal: TargetRefusal };

const refuse = (rule: string, vi: string, en: string): { ok: false; refusal: TargetRefusal } => ({
  ok: false,
  refusal: { rule, message: `${vi} / ${en}` },
});

/** Longest URL we store and sign for: bounded like every input. */
export const MAX_TARGET_URL_LENGTH = 2048;

/**
 * Names that reach a cloud's instance metadata or only a private network, whatever DNS says:
 * refused before any lookup (a resolver inside a VPC answers them with private addresses, and a
 * name we refuse by itself needs no trust in that resolver).
 */
const INTERNAL_NAMES = new Set(['localhost', 'metadata', 'metadata.google.internal', 'instance-data']);
const INTERNAL_SUFFIXES = ['.localhost', '.internal', '.local', '.localdomain', '.home.arpa', '.intranet'];

type AddressRule = { rule: string; vi: string; en: string; v4: string[]; v6: string[] };

/**
 * Ranges in the order they are named: the metadata addresses before the link-local and
 * unique-local ranges that contain them, so a refusal names the most specific rule.
 */
const ADDRESS_RULES: AddressRule[] = [
  {
    rule: 'metadata-address',
    vi: 'địa chỉ dịch vụ metadata của đám mây',
    en: 'a cloud instance metadata address',
    v4: ['169.254.169.254/32', '169.254.170.2/32', '100.100.100.200/32'],
    v6: ['fd00:ec2::254/128'],
  },
  {
    rule: 'loopback',
    vi: 'địa chỉ loopback',
    en: 'a loopback address',
    v4: ['127.0.0.0/8'],
    v6: ['::1/128'],
  },
  {
    rule: 'private-address',
    vi: 'địa chỉ mạng riêng',
    en: 'a private address',
    v4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
    v6: [],
  },
  {
    rule: 'link-local',
    vi: 'địa chỉ link-local',
    en: 'a link-local address',
    v4: ['169.254.0.0/16'],
    v6: ['fe80::/10'],
  },
  { rule: 'cgnat', vi: 'địa chỉ CGNAT', en: 'a carrier-grade NAT address', v4: ['100.64.0.0/10'], v6: [] },
  {
    rule: 'unique-local',
    vi: 'địa chỉ unique-local',
    en: 'a unique-local address',
    v4: [],
    v6: ['fc00::/7'],
  },
  {
    rule: 'multicast',
    vi: 'địa chỉ multicast',
    en: 'a multicast address',
    v4: ['224.0.0.0/4'],
    v6: ['ff00::/8'],
  },
  {
    rule: 'unspecified',
    vi: 'địa chỉ không xác định',
    en: 'the unspecified address',
    v4: ['0.0.0.0/8'],
    v6: ['::/128'],
  },
  {
    rule: 'broadcast',
    vi: 'địa chỉ quảng bá',
    en: 'the broadcast address',
    v4: ['255.255.255.255/32'],
    v6: [],
  },
  {
    // Documentation, benchmarking, protocol-assignment and future-use ranges; IPv6 forms that carry
    // an IPv4 address inside (IPv4-mapped, NAT64, 6to4, Teredo), which could smuggle a private one.
    rule: 'reserved-address',
    vi: 'địa chỉ dành riêng',
    en: 'a reserved address',
    v4: ['192.0.0.0/24', '192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4'],
    v6: [
      '::ffff:0:0/96',
      '::/96',
      '64:ff9b::/96',
      '64:ff9b:1::/48',
      '100::/64',
      '2001::/23',
      '2001:db8::/32',
      '2002::/16',
      'fec0::/10',
    ],
  },
];

/**
 * One BlockList per family: Node's BlockList matches an IPv4 address against IPv6 rules in its
 * IPv4-mapped form, so the `::ffff:0:0/96` rule in a shared list would refuse every IPv4 address.
 */
const blockListOf = (cidrs: string[], type: 'ipv4' | 'ipv6'): BlockList => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, prefix] = cidr.split('/');
    list.addSubnet(net, Number(prefix), type);
  }
  return list;
};
const RULE_LISTS = ADDRESS_RULES.map((rule) => ({
  rule,
  v4: blockListOf(rule.v4, 'ipv4'),
  v6: blockListOf(rule.v6, 'ipv6'),
}));

/**
 * Refusal of one address (as DNS answers it, or an IP literal), or undefined when it may be
 * reached: a public unicast address, or loopback under a policy that allows it.
 */
export function checkAddress(address: string, policy: TargetPolicy): TargetRefusal | undefined {
  const family = isIP(address);
  if (family === 0) return { rule: 'invalid-address', message: `Địa chỉ không hợp lệ / not an IP address` };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { rule, v4, v6 } of RULE_LISTS) {
    if (!(type === 'ipv4' ? v4 : v6).check(address, type)) continue;
    if (rule.rule === 'loopback' && policy.allowLoopback) return undefined;
    return {
      rule: rule.rule,
      message: `Đích webhook là ${rule.vi} (${address}) / the webhook target is ${rule.en} (${address})`,
    };
  }
  return undefined;
}

/** The host as written in the URL's authority, before the WHATWG parser normalized it. */
function rawHost(raw: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw.trim());
  if (!match) return undefined;
  const authority = match[1].slice(match[1].lastIndexOf('@') + 1);
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1);
  const colon = authority.lastIndexOf(':');
  return (colon === -1 ? authority : authority.slice(0, colon)).toLowerCase();
}

const IPV4_DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * Judges a target URL's form and, for an IP literal, its address. A host name still has to be
 * resolved and every address it resolves to checked with `checkAddress` (the platform does it).
 */
export function checkTargetUrl(raw: string, policy: TargetPolicy): TargetCheck {
  if (raw.length > MAX_TARGET_URL_LENGTH)
    return refuse(
      'url-too-long',
      'URL quá dài',
      `the URL is longer than ${MAX_TARGET_URL_LENGTH} characters`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('invalid-url', 'URL không hợp lệ', 'not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse('https-required', 'URL phải dùng https', 'the URL must use https');
  if (url.username !== '' || url.password !== '')
    return refuse(
      'credentials-in-url',
      'URL không được chứa thông tin đăng nhập',
      'no credentials in the URL',
    );
  if (url.hash !== '')
    return refuse('fragment-in-url', 'URL không được có #fragment', 'no fragment in the URL');

  const written = rawHost(raw);
  const bracketed = url.hostname.startsWith('[');
  const hostname = bracketed ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const family = isIP(hostname) as 0 | 4 | 6;

  if (family === 0) {
    if (hostname.endsWith('.'))
      return refuse(
        'trailing-dot',
        'Tên miền không được kết thúc bằng dấu chấm',
        'no trailing dot in the host name',
      );
    // A single label resolves through the resolver's search domains: an internal name by nature.
    if (
      !hostname.includes('.') ||
      INTERNAL_NAMES.has(hostname) ||
      INTERNAL_SUFFIXES.some((suffix) => hostname.endsWith(suffix))
    )
      return refuse('internal-name', `Tên máy nội bộ ${hostname}`, `${hostname} is an internal host name`);
    if (url.protocol !== 'https:')
      return refuse('https-required', 'URL phải dùng https', 'the URL must use https');
    return { ok: true, target: { url, hostname, port } };
  }

  // The parser turns 2130706433, 0x7f.1 or 0177.0.0.1 into 127.0.0.1: only the plain dotted-decimal
  // form is taken, so what an operator reads in the URL is the address it reaches.
  if (family === 4 && (written !== hostname || !IPV4_DOTTED.test(hostname)))
    return refuse(
      'ip-literal-form',
      'Địa chỉ IPv4 phải viết dạng thập phân có dấu chấm',
      'write an IPv4 address in plain dotted-decimal form',
    );
  const refusal = checkAddress(hostname, policy);
  if (refusal?.rule === 'reserved-address' && family === 6 && /^::ffff:/i.test(hostname))
    return refuse('ip-literal-form', 'Không nhận IPv6 ánh xạ IPv4', 'no IPv4-mapped IPv6 address');
  if (refusal) return { ok: false, refusal };
  // Plain http only to loopback, where there is no certificate to present (the offline cloud).
  const loopback = checkAddress(hostname, { allowLoopback: false })?.rule === 'loopback';
  if (url.protocol !== 'https:' && !loopback)
    return refuse('https-required', 'URL phải dùng https', 'the URL must use https');
  return { ok: true, target: { url, hostname, port, literal: { address: hostname, family } } };
}
