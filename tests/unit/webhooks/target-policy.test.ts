/** The SSRF guard: URL forms and addresses refused, with name resolution stubbed (no packet sent). */
import { checkAddress, checkTargetUrl } from '../../../shared/domain/webhooks/target-policy';
import { resolveDeliveryTarget, type LookupAll } from '../../../shared/platform/webhook-target';

const cloud = { allowLoopback: false };
const offline = { allowLoopback: true };

/** A resolver that answers from a table and records what it was asked. */
function stubLookup(table: Record<string, string[]>): LookupAll & { asked: string[] } {
  const asked: string[] = [];
  const fn = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(fn, { asked });
}

const ruleOf = (url: string, policy = cloud) => {
  const checked = checkTargetUrl(url, policy);
  return checked.ok ? 'ok' : checked.refusal.rule;
};

describe('checkTargetUrl (form)', () => {
  it.each([
    ['https://hooks.example.vn/motcua', 'ok'],
    ['https://hooks.example.vn:8443/motcua?x=1', 'ok'],
    ['http://hooks.example.vn/motcua', 'https-required'],
    ['ftp://hooks.example.vn/', 'https-required'],
    ['https://user:pass@hooks.example.vn/', 'credentials-in-url'],
    ['https://user@hooks.example.vn/', 'credentials-in-url'],
    ['https://hooks.example.vn./', 'trailing-dot'],
    ['https://localhost/', 'internal-name'],
    ['https://api.localhost/', 'internal-name'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'internal-name'],
    ['https://instance-data/latest/meta-data/', 'internal-name'],
    ['https://intranet/', 'internal-name'],
    ['https://printer.local/', 'internal-name'],
    ['not a url', 'invalid-url'],
    ['https://hooks.example.vn/#frag', 'fragment-in-url'],
  ])('%s → %s', (url, rule) => {
    expect(ruleOf(url)).toBe(rule);
  });

  it.each([
    ['http://2130706433/', 'decimal'],
    ['http://0x7f000001/', 'hex'],
    ['http://0x7f.0.0.1/', 'hex octet'],
    ['http://0177.0.0.1/', 'octal'],
    ['http://127.1/', 'short form'],
    ['http://127.0.0.1./', 'trailing dot'],
    ['https://0xa9.0xfe.0xa9.0xfe/', 'hex metadata'],
  ])('refuses the IPv4 literal trick %s (%s), even where loopback is allowed', (url) => {
    expect(ruleOf(url, offline)).toBe('ip-literal-form');
  });

  it('refuses IPv4-mapped IPv6 literals', () => {
    expect(ruleOf('http://[::ffff:127.0.0.1]/', offline)).toBe('ip-literal-form');
    expect(ruleOf('https://[::ffff:a9fe:a9fe]/')).toBe('ip-literal-form');
  });

  it.each([
    ['http://169.254.169.254/', 'metadata-address'],
    ['https://169.254.169.254/latest/meta-data/', 'metadata-address'],
    ['https://[fd00:ec2::254]/', 'metadata-address'],
    ['http://10.0.0.1/', 'private-address'],
    ['https://172.16.5.4/', 'private-address'],
    ['https://192.168.1.1/', 'private-address'],
    ['https://169.254.1.1/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://100.64.0.1/', 'cgnat'],
    ['https://[fc00::1]/', 'unique-local'],
    ['https://[fd12:3456::1]/', 'unique-local'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://[ff02::1]/', 'multicast'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://240.0.0.1/', 'reserved-address'],
    ['https://192.0.2.10/', 'reserved-address'],
    ['https://[2001:db8::1]/', 'reserved-address'],
    ['https://[64:ff9b::a00:1]/', 'reserved-address'],
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
  ])('in cloud mode refuses %s (%s)', (url, rule) => {
    expect(ruleOf(url)).toBe(rule);
  });

  it('allows loopback literals over http only when the policy allows loopback', () => {
    expect(ruleOf('http://127.0.0.1:8080/hook', offline)).toBe('ok');
    expect(ruleOf('http://[::1]:8080/hook', offline)).toBe('ok');
    // Other private ranges stay refused, and plain http stays refused elsewhere.
    expect(ruleOf('http://10.0.0.1/', offline)).toBe('private-address');
    expect(ruleOf('http://169.254.169.254/', offline)).toBe('metadata-address');
    expect(ruleOf('http://8.8.8.8/', offline)).toBe('https-required');
  });

  it('accepts a public IP literal over https, with its port', () => {
    const checked = checkTargetUrl('https://203.0.114.7:8443/x', cloud);
    expect(checked).toMatchObject({
      ok: true,
      target: { port: 8443, literal: { address: '203.0.114.7', family: 4 } },
    });
  });

  it('names the rule in Vietnamese and English', () => {
    const checked = checkTargetUrl('http://10.0.0.1/', cloud);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.refusal.message).toMatch(/mạng riêng .* \/ .*private address/);
  });
});

describe('checkAddress', () => {
  it('passes public unicast addresses', () => {
    expect(checkAddress('8.8.8.8', cloud)).toBeUndefined();
    expect(checkAddress('2606:4700:4700::1111', cloud)).toBeUndefined();
  });
  it('refuses an IPv4-mapped IPv6 answer (a private address inside)', () => {
    expect(checkAddress('::ffff:10.0.0.1', cloud)?.rule).toBe('reserved-address');
    expect(checkAddress('::ffff:127.0.0.1', offline)?.rule).toBe('reserved-address');
  });
  it('refuses what is not an address', () => {
    expect(checkAddress('example.com', cloud)?.rule).toBe('invalid-address');
  });
});

describe('resolveDeliveryTarget', () => {
  it('resolves a public name once and pins the address it checked', async () => {
    const lookup = stubLookup({ 'hooks.example.vn': ['203.0.114.7', '2606:4700::6810:1'] });
    const resolved = await resolveDeliveryTarget('https://hooks.example.vn/in', cloud, lookup);
    expect(resolved).toMatchObject({
      ok: true,
      target: { hostname: 'hooks.example.vn', port: 443, address: '203.0.114.7', family: 4 },
    });
    expect(lookup.asked).toEqual(['hooks.example.vn']);
  });

  it('refuses a name that resolves to a private address', async () => {
    const lookup = stubLookup({ 'evil.example.vn': ['10.1.2.3'] });
    const resolved = await resolveDeliveryTarget('https://evil.example.vn/', cloud, lookup);
    expect(resolved).toMatchObject({ ok: false, refusal: { rule: 'private-address' } });
  });

  it('refuses a name that resolves to a public AND a private address', async () => {
    const lookup = stubLookup({ 'mixed.example.vn': ['203.0.114.7', '192.168.0.10'] });
    const resolved = await resolveDeliveryTarget('https://mixed.example.vn/', cloud, lookup);
    expect(resolved).toMatchObject({ ok: false, refusal: { rule: 'private-address' } });
  });

  it('refuses a name whose AAAA answer is private even when its A answer is public', async () => {
    const lookup = stubLookup({ 'v6.example.vn': ['203.0.114.7', 'fd00:ec2::254'] });
    const resolved = await resolveDeliveryTarget('https://v6.example.vn/', cloud, lookup);
    expect(resolved).toMatchObject({ ok: false, refusal: { rule: 'metadata-address' } });
  });

  it('refuses a name resolving to loopback in cloud mode, allows it where loopback is allowed', async () => {
    const lookup = stubLookup({ 'loop.example.vn': ['127.0.0.1'] });
    expect(await resolveDeliveryTarget('https://loop.example.vn/', cloud, lookup)).toMatchObject({
      ok: false,
      refusal: { rule: 'loopback' },
    });
    expect(await resolveDeliveryTarget('https://loop.example.vn/', offline, lookup)).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['http://169.254.169.254/', 'metadata-address'],
    ['http://10.0.0.1/', 'private-address'],
    ['http://[::1]/', 'loopback'],
  ])('refuses %s in cloud mode without resolving anything', async (url, rule) => {
    const lookup = stubLookup({});
    expect(await resolveDeliveryTarget(url, cloud, lookup)).toMatchObject({ ok: false, refusal: { rule } });
    expect(lookup.asked).toEqual([]);
  });

  it('refuses a name that does not resolve', async () => {
    const resolved = await resolveDeliveryTarget('https://nowhere.example.vn/', cloud, stubLookup({}));
    expect(resolved).toMatchObject({ ok: false, refusal: { rule: 'unresolvable-host' } });
  });

  it('pins a loopback literal without resolving it', async () => {
    const lookup = stubLookup({});
    const resolved = await resolveDeliveryTarget('http://[::1]:9000/h', offline, lookup);
    expect(resolved).toMatchObject({ ok: true, target: { address: '::1', family: 6, port: 9000 } });
    expect(lookup.asked).toEqual([]);
  });
});
