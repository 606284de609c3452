/**
 * The isolation matrix (issue 11 §2), generated from the route table: every route of ROUTES × every
 * caller who must not reach the target tenant's things → the status the authorization policy
 * (shared/domain/policy) says, and no foreign data in any body.
 *
 * Callers: another tenant's staff (a real second tenant, H96, made through the operator API with a
 * dossier of its own), another agency's staff, each role the route does not allow, a citizen who is
 * not the applicant, an agency system of another agency, no token, an expired token, a token signed
 * by another key and one with `alg: none`. The expected status is `decide(caller, action, facts)`
 * for the route's action and the facts of the real resource its path names: 401 for a bad token,
 * 403 for a role the route does not allow, 404 for another tenant's thing or a dossier the caller
 * may not read. Where the policy allows (a list of the caller's own tenant, a public page), the
 * answer may be anything but a 5xx, and its body is still searched.
 *
 * Foreign data: the target dossier's applicant name, ID number and phone appear in no body; the
 * second tenant's names appear in no body given to a caller outside it.
 *
 * ## Adding a route (an entry in ENTRIES, keyed by the route id; a route without one fails)
 *
 *   myRoute: {
 *     resource: 'dossier',                      // what the path names in the target tenant:
 *                                               //   'dossier' | 'subscription' | 'tenantRecord'
 *                                               //   | 'none' (lists, creations) | 'platform'
 *                                               //   (operator) | 'public' | 'receipt' (public,
 *                                               //   with the receipt secret: 404 to all callers)
 *     params: (t) => ({ code: t.dossier.code }),  // every path parameter, from real resources
 *     body: (t) => ({ … }),                     // a VALID body where a caller with the role would
 *                                               //   otherwise stop at 400 before the 404 check
 *     query: '?from=2026-01',                   // optional
 *     publicView: 'what the public may see',    // public routes only (documents the entry)
 *   },
 *
 * `t` holds the target tenant's resources (see Targets). The audit routes (GET /v1/audit and
 * /v1/audit/export, actions audit.read/audit.export) take `{ resource: 'none' }`.
 */
import { generateKeyPair, SignJWT, decodeJwt, type JWTPayload } from 'jose';
import { ROUTES, type RouteDef } from '../../shared/api/routes';
import { decide, dossierFacts, rolesFor, type Facts } from '../../shared/domain/policy';
import type { Dossier } from '../../shared/domain/dossier/model';
import { ROLES, type Role } from '../../shared/domain/roles';
import { callerOf } from '../../shared/platform/authorize';
import { principalFromClaims } from '../../shared/platform/principal';
import { api, newCitizenToken, request, tokenFor, type ApiResponse } from './helpers/api';
import { agencySystemToken, claimsLike, signWithIssuerKey } from './helpers/tokens';

const routes = ROUTES as readonly RouteDef[];
const PARALLEL = 8;
const OTHER = { tenant: 'h96', province: 'H96', name: 'Tỉnh Cách Ly Thử' };
const OTHER_AGENCIES = {
  root: { code: '000.00.00.H96', name: 'UBND Tỉnh Cách Ly Thử', parent: null },
  counter: {
    code: '000.00.01.H96',
    name: 'Trung tâm Hành chính công Cách Ly',
    parent: '000.00.00.H96',
    receptionPoint: true,
  },
};
const OTHER_APPLICANT = { name: 'Hoàng Thị Biệt Lập', idNumber: '001196777888', phone: '0961777888' };
/** Target tenant: the demo; an agency with no part in the land transfer. */
const UNINVOLVED_AGENCY = '000.05.20.H99';
const UNKNOWN_DELIVERY = '20261201T000000000Z-AAAAAAAAAAAAAAAAAAAAAA';

interface Targets {
  dossier: { code: string; version: number; facts: Facts; applicant: typeof TARGET_APPLICANT };
  /** The receipt secrets (issue 11 §7): the target dossier's, and the other tenant's dossier's. */
  secrets: { target: string; other: string };
  attachmentId: string;
  subscription: { id: string; agency: string };
  staffUsername: string;
}
const suffix = String(Date.now()).slice(-6);
const TARGET_APPLICANT = {
  name: 'Phan Thị Cô Lập',
  idNumber: `001096${suffix}`,
  phone: `0962${suffix}`,
  address: 'Thôn Tây, xã Bình Thành',
};

type Resource = 'dossier' | 'subscription' | 'tenantRecord' | 'none' | 'platform' | 'public' | 'receipt';
interface Entry {
  resource: Resource;
  params?: (t: Targets) => Record<string, string>;
  body?: (t: Targets) => unknown;
  query?: string;
  publicView?: string;
}

const dossierCode = (t: Targets) => ({ code: t.dossier.code });
const subscriptionId = (t: Targets) => ({ id: t.subscription.id });
const demo = () => ({ tenant: 'demo' });

const ENTRIES: Record<string, Entry> = {
  getOpenApi: { resource: 'public', publicView: 'the OpenAPI document: no tenant data' },
  listProcedures: { resource: 'public', params: demo, publicView: 'the catalog' },
  getProcedure: {
    resource: 'public',
    params: () => ({ tenant: 'demo', code: '1.004227' }),
    publicView: 'one procedure of the catalog',
  },
  listAgencies: { resource: 'public', params: demo, publicView: 'the agency tree' },
  putProcedure: { resource: 'none', params: () => ({ code: '1.004227' }) },
  putAgency: { resource: 'none', params: () => ({ code: '000.30.01.H99' }) },
  getTenantSettings: { resource: 'none' },
  putTenantSettings: { resource: 'none' },
  submitDossier: { resource: 'none' },
  decideReception: {
    resource: 'dossier',
    params: dossierCode,
    body: (t) => ({ outcome: 'accept', expectedVersion: t.dossier.version }),
  },
  getDossier: { resource: 'dossier', params: dossierCode },
  trackDossier: {
    resource: 'public',
    params: (t) => ({ tenant: 'demo', code: t.dossier.code }),
    publicView: 'status, steps and agencies; the applicant’s name masked; no ID number, phone or address',
  },
  actOnDossier: {
    resource: 'dossier',
    params: dossierCode,
    body: (t) => ({ action: 'assign', assignee: 'chuyenvien.datdai', expectedVersion: t.dossier.version }),
  },
  getControlSheet: { resource: 'dossier', params: dossierCode },
  getWorkQueue: { resource: 'none' },
  createAttachment: {
    resource: 'dossier',
    params: dossierCode,
    body: () => ({ fileName: 'x.pdf', contentType: 'application/pdf', size: 1024 }),
  },
  confirmAttachment: { resource: 'dossier', params: (t) => ({ code: t.dossier.code, id: t.attachmentId }) },
  listAttachments: { resource: 'dossier', params: dossierCode },
  downloadAttachment: { resource: 'dossier', params: (t) => ({ code: t.dossier.code, id: t.attachmentId }) },
  createWebhookSubscription: { resource: 'none' },
  listWebhookSubscriptions: { resource: 'none' },
  getWebhookSubscription: { resource: 'subscription', params: subscriptionId },
  updateWebhookSubscription: {
    resource: 'subscription',
    params: subscriptionId,
    body: () => ({ expectedVersion: 1, description: 'Đổi trái phép' }),
  },
  deleteWebhookSubscription: { resource: 'subscription', params: subscriptionId },
  rotateWebhookSecret: {
    resource: 'subscription',
    params: subscriptionId,
    body: () => ({ expectedVersion: 1 }),
  },
  listWebhookDeliveries: { resource: 'subscription', params: subscriptionId },
  redeliverWebhook: {
    resource: 'subscription',
    params: (t) => ({ id: t.subscription.id, deliveryId: UNKNOWN_DELIVERY }),
  },
  redeliverWebhooksSince: {
    resource: 'subscription',
    params: subscriptionId,
    body: () => ({ since: '2026-12-01T00:00:00+07:00' }),
  },
  listWebhookNotices: { resource: 'none' },
  createAgencyClient: { resource: 'none' },
  listAgencyClients: { resource: 'none' },
  revokeAgencyClient: { resource: 'tenantRecord', params: () => ({ clientId: 'khongco01' }) },
  getDossierForm: { resource: 'dossier', params: (t) => ({ code: t.dossier.code, form: '01.pdf' }) },
  trackingForm: { resource: 'public', params: demo, publicView: 'the tracking form page' },
  getApiReference: { resource: 'public', publicView: 'the API reference page' },
  importCatalog: { resource: 'none' },
  createTenant: { resource: 'platform' },
  listTenants: { resource: 'platform' },
  getTenantRecord: { resource: 'platform', params: demo },
  suspendTenant: { resource: 'platform', params: demo },
  resumeTenant: { resource: 'platform', params: demo },
  createStaff: { resource: 'none' },
  listStaff: { resource: 'none' },
  getStaff: { resource: 'tenantRecord', params: (t) => ({ username: t.staffUsername }) },
  updateStaff: {
    resource: 'tenantRecord',
    params: (t) => ({ username: t.staffUsername }),
    body: () => ({ name: 'Tên Đổi Trái Phép' }),
  },
  notFound: { resource: 'public', publicView: 'a 404 problem' },
  getReport: { resource: 'none' },
  getUsage: { resource: 'none' },
  getTenantUsage: { resource: 'platform', params: demo },
  getServiceIndex: { resource: 'none' },
  putServiceIndexInputs: { resource: 'none' },
  exportReport: { resource: 'none' },
  getAgencyMonthSummary: { resource: 'none' },
  deleteTenant: { resource: 'platform', params: demo },
  addTenantAdmin: { resource: 'platform', params: demo },
  deleteStaff: { resource: 'tenantRecord', params: (t) => ({ username: t.staffUsername }) },
  getAuditLog: { resource: 'none' },
  exportAuditLog: { resource: 'none' },
  // Issue 11 §7: every caller here lacks the target's secret (or brings another's): 404, like an unknown code.
  getDossierByReceipt: { resource: 'receipt', params: (t) => ({ tenant: 'demo', code: t.dossier.code }) },
  actOnDossierByReceipt: {
    resource: 'receipt',
    params: (t) => ({ tenant: 'demo', code: t.dossier.code }),
    body: (t) => ({ action: 'withdraw', reason: 'Rút trái phép', expectedVersion: t.dossier.version }),
  },
  createAttachmentByReceipt: {
    resource: 'receipt',
    params: (t) => ({ tenant: 'demo', code: t.dossier.code }),
    body: () => ({ fileName: 'x.pdf', contentType: 'application/pdf', size: 1024 }),
  },
  confirmAttachmentByReceipt: {
    resource: 'receipt',
    params: (t) => ({ tenant: 'demo', code: t.dossier.code, id: t.attachmentId }),
  },
  listAttachmentsByReceipt: {
    resource: 'receipt',
    params: (t) => ({ tenant: 'demo', code: t.dossier.code }),
  },
};

interface Caller {
  label: string;
  token?: string;
  /** Receipt routes: the X-Receipt-Secret sent, and the tenant put in the path instead of the target's. */
  secret?: (t: Targets) => string;
  pathTenant?: string;
  /** The principal the handlers see; undefined for tokens the gateway refuses (401). */
  outsider: boolean;
}
interface Case {
  route: RouteDef;
  caller: Caller;
  expected: { allow: true } | { allow: false; status: number };
}

const resolvePath = (route: RouteDef, params: Record<string, string>): string =>
  route.path === '$default'
    ? '/v1/khong-co-tuyen-nay'
    : route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`${route.id}: no value for {${name}} in its matrix entry`);
        return encodeURIComponent(value);
      });

/** The caller as the handlers see it: the platform's own reading of the token's claims. */
function policyCaller(token: string) {
  const principal = principalFromClaims(decodeJwt(token) as never);
  if (!principal) throw new Error('a matrix token the handlers would refuse');
  return callerOf(principal);
}

const base = () => tokenFor('quantri');
const staffToken = (tenant: string, roles: Role[], agency: string | undefined, username: string) =>
  signWithIssuerKey(
    claimsLike(base(), {
      'custom:tenant': tenant,
      'custom:roles': roles.join(','),
      'custom:agency': agency,
      'cognito:username': username,
      sub: `sub-${username}`,
    }),
  );

let targets: Targets;
const fixed: Record<string, Caller> = {};
const roleTokens = new Map<string, string>();
const cases: Case[] = [];
const failures: string[] = [];

async function badTokens(): Promise<Caller[]> {
  const claims = decodeJwt(base());
  const now = Math.floor(Date.now() / 1000);
  const expired = await signWithIssuerKey({ ...claims, iat: now - 7200, exp: now - 3600 } as JWTPayload);
  const { privateKey } = await generateKeyPair('RS256');
  const header = JSON.parse(Buffer.from(base().split('.')[0], 'base64url').toString()) as { kid: string };
  const otherKey = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: 'JWT' })
    .sign(privateKey);
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const algNone = `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
  return [
    { label: 'no token', outsider: true },
    { label: 'expired token', token: expired, outsider: true },
    { label: 'token signed by another key', token: otherKey, outsider: true },
    { label: 'alg: none', token: algNone, outsider: true },
  ];
}

/** Every caller who must not reach the route's target, with the policy's expectation. */
async function callersFor(route: RouteDef, entry: Entry): Promise<Caller[]> {
  const out: Caller[] = [...(await badTokens())];
  const allowed = route.auth === 'public' ? [...ROLES] : rolesFor(route.action);
  const tokenOnce = async (key: string, make: () => Promise<string>) => {
    if (!roleTokens.has(key)) roleTokens.set(key, await make());
    return roleTokens.get(key) as string;
  };
  // Another tenant's staff, in each role the route allows (so the wall, not the role, must stop it).
  for (const role of allowed.filter((r) => r !== 'operator')) {
    const agency = role === 'citizen' ? undefined : OTHER_AGENCIES.counter.code;
    const token = await tokenOnce(`other:${role}`, () =>
      staffToken(OTHER.tenant, [role], agency, `h96.${role.toLowerCase()}`),
    );
    out.push({ label: `another tenant's ${role}`, token, outsider: false });
  }
  // Another agency's staff of the target tenant, in each staff role the route allows.
  for (const role of allowed.filter((r) => ['reception', 'specialist', 'leader', 'clerk'].includes(r))) {
    const token = await tokenOnce(`agency:${role}`, () =>
      staffToken('demo', [role], UNINVOLVED_AGENCY, `tuphap.${role.toLowerCase()}`),
    );
    out.push({ label: `another agency's ${role}`, token, outsider: false });
  }
  // Each role the route does not allow, at the agency the target dossier is received at.
  if (route.auth === 'user') {
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      const token =
        role === 'operator'
          ? tokenFor('operator')
          : await tokenOnce(`wrong:${role}`, () =>
              role === 'citizen'
                ? newCitizenToken(`cccd-sai-vai-${suffix}`, 'Công Dân Sai Vai')
                : role === 'agencySystem'
                  ? agencySystemToken('000.30.01.H99')
                  : staffToken('demo', [role], '000.30.01.H99', `binhthanh.${role.toLowerCase()}`),
            );
      out.push({ label: `wrong role ${role}`, token, outsider: false });
    }
  }
  out.push(fixed.citizen as Caller, fixed.agencySystem as Caller);
  if (entry.resource === 'receipt')
    out.push(
      { label: 'a wrong receipt secret', secret: () => 'ZZZZZ-ZZZZZ', outsider: true },
      { label: "another dossier's receipt secret", secret: (t) => t.secrets.other, outsider: true },
      {
        label: "the secret under another tenant's path",
        secret: (t) => t.secrets.target,
        pathTenant: OTHER.tenant,
        outsider: true,
      },
      {
        label: "another dossier's secret under its own tenant's path",
        secret: (t) => t.secrets.other,
        pathTenant: OTHER.tenant,
        outsider: true,
      },
    );
  return out;
}

function factsFor(entry: Entry): Facts | undefined {
  switch (entry.resource) {
    case 'dossier':
      return targets.dossier.facts;
    case 'subscription':
      return { kind: 'agencyResource', tenant: 'demo', agency: targets.subscription.agency };
    case 'tenantRecord':
      return { kind: 'tenant', tenant: 'demo' };
    default:
      return undefined;
  }
}

function expectationFor(route: RouteDef, entry: Entry, caller: Caller): Case['expected'] {
  // Nobody in the matrix holds the target's receipt: the 404 an unknown code gets, token or not.
  if (entry.resource === 'receipt') return { allow: false, status: 404 };
  if (route.auth === 'public') return { allow: true };
  if (!caller.token || caller.outsider) return { allow: false, status: 401 };
  const decision = decide(policyCaller(caller.token), route.action, factsFor(entry));
  return decision.allow ? { allow: true } : { allow: false, status: decision.status };
}

/** The strings no body may hold for this caller. */
function foreignStrings(caller: Caller): string[] {
  const mine = [
    targets.dossier.applicant.name,
    targets.dossier.applicant.idNumber,
    targets.dossier.applicant.phone,
  ];
  const theirs = [OTHER.name, OTHER_APPLICANT.name, OTHER_APPLICANT.idNumber, OTHER_AGENCIES.counter.name];
  return caller.label.startsWith('another tenant') ? mine : [...mine, ...theirs];
}

const bodyText = (res: ApiResponse): string =>
  res.body === undefined
    ? ''
    : Buffer.isBuffer(res.body)
      ? res.body.toString('latin1')
      : typeof res.body === 'string'
        ? res.body
        : JSON.stringify(res.body);

async function runCase(c: Case, entry: Entry): Promise<void> {
  const params = {
    ...(entry.params?.(targets) ?? {}),
    ...(c.caller.pathTenant ? { tenant: c.caller.pathTenant } : {}),
  };
  const path = resolvePath(c.route, params) + (entry.query ?? '');
  const method = c.route.path === '$default' ? 'GET' : c.route.method;
  const res = await request(method, path, {
    token: c.caller.token,
    ...(entry.body ? { body: entry.body(targets) } : {}),
    ...(c.caller.secret ? { headers: { 'x-receipt-secret': c.caller.secret(targets) } } : {}),
  });
  const where = `${c.route.id} (${method} ${path}) as ${c.caller.label}`;
  if (res.status >= 500) failures.push(`${where}: ${res.status}`);
  else if (!c.expected.allow && res.status !== c.expected.status)
    failures.push(
      `${where}: ${res.status}, the policy says ${c.expected.status} — ${bodyText(res).slice(0, 200)}`,
    );
  const text = bodyText(res);
  for (const s of foreignStrings(c.caller))
    if (text.includes(s)) failures.push(`${where}: the body holds foreign data "${s}"`);
}

describe('the isolation matrix (integration)', () => {
  beforeAll(async () => {
    // The second tenant, as an operator makes one, with an agency tree, a procedure and a dossier.
    const created = await api.post('/v1/operator/tenants', {
      as: 'operator',
      body: {
        provinceCode: OTHER.province,
        name: OTHER.name,
        contact: { name: 'Văn phòng UBND', email: 'vanphong@h96.example.vn' },
        admin: { email: 'quantri@h96.example.vn' },
      },
    });
    expect([201, 409]).toContain(created.status);
    const admin = await staffToken(OTHER.tenant, ['tenantAdmin'], OTHER_AGENCIES.root.code, 'h96.quantri');
    for (const a of [OTHER_AGENCIES.root, OTHER_AGENCIES.counter]) {
      const { code, ...body } = a;
      const put = await api.put(`/v1/admin/agencies/${code}`, { token: admin, body });
      expect(put.status).toBe(200);
    }
    const procedure = await api.put('/v1/admin/procedures/2.000488', {
      token: admin,
      body: {
        name: 'Cấp Phiếu lý lịch tư pháp',
        field: 'Lý lịch tư pháp',
        level: 'province',
        competent: OTHER_AGENCIES.counter.code,
        time: { workingDays: 10 },
        fee: 200000,
        online: 'full',
        documents: ['Tờ khai'],
        steps: [
          { name: 'Tiếp nhận và trả', agency: OTHER_AGENCIES.counter.code, role: 'reception', days: 1 },
        ],
      },
    });
    expect(procedure.status).toBe(200);
    const otherCounter = await staffToken(
      OTHER.tenant,
      ['reception'],
      OTHER_AGENCIES.counter.code,
      'h96.tiepnhan',
    );
    const theirs = await api.post('/v1/dossiers', {
      token: otherCounter,
      body: {
        procedureCode: '2.000488',
        channel: 'counter',
        applicant: { ...OTHER_APPLICANT, address: 'Cách Ly' },
        request: 'Cấp phiếu số 1',
        decision: { outcome: 'accept' },
      },
    });
    expect(theirs.status).toBe(201);

    // The target tenant's things: a land transfer accepted at Bình Thành, a file on it, a webhook
    // subscription of Bình Thành, and a staff account.
    const submitted = await api.post('/v1/dossiers', {
      as: 'tiepnhan.binhthanh',
      body: {
        procedureCode: '1.004227',
        channel: 'counter',
        applicant: TARGET_APPLICANT,
        request: 'Đăng ký biến động do chuyển nhượng',
        decision: { outcome: 'accept' },
      },
    });
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;
    const view = await api.get(`/v1/dossiers/${code}`, { as: 'tiepnhan.binhthanh' });
    expect(view.status).toBe(200);
    const dossierLike = {
      ...view.body,
      steps: (view.body.steps as Array<{ agency: string }>).map((s) => ({ agency: s.agency })),
      submittedBy: { kind: 'staff' },
    } as unknown as Dossier;
    const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
      as: 'tiepnhan.binhthanh',
      body: { fileName: 'hop-dong.pdf', contentType: 'application/pdf', size: 1024 },
    });
    expect(ticket.status).toBe(201);
    const subscription = await api.post('/v1/webhooks/subscriptions', {
      as: 'quantri',
      body: {
        url: 'http://127.0.0.1:9/ma-tran',
        eventTypes: ['dossier.received'],
        purpose: 'statistics',
        enabled: false,
        agency: '000.30.01.H99',
      },
    });
    expect(subscription.status).toBe(201);
    targets = {
      dossier: {
        code,
        version: view.body.version,
        facts: dossierFacts(dossierLike),
        applicant: TARGET_APPLICANT,
      },
      secrets: { target: submitted.body.receiptSecret, other: theirs.body.receiptSecret },
      attachmentId: ticket.body.attachment.id,
      subscription: { id: subscription.body.id, agency: '000.30.01.H99' },
      staffUsername: 'chuyenvien.datdai',
    };
    fixed.citizen = {
      label: 'a citizen who is not the applicant',
      token: await newCitizenToken(`cccd-khac-${suffix}`, 'Người Dân Khác'),
      outsider: false,
    };
    fixed.agencySystem = {
      label: 'the system of another agency',
      token: await agencySystemToken(UNINVOLVED_AGENCY),
      outsider: false,
    };

    for (const route of routes) {
      const entry = ENTRIES[route.id];
      if (!entry) continue;
      for (const caller of await callersFor(route, entry))
        cases.push({ route, caller, expected: expectationFor(route, entry, caller) });
    }
  }, 120_000);

  it('has an entry for every route of the route table', () => {
    const missing = routes.filter((r) => !ENTRIES[r.id]).map((r) => r.id);
    expect(missing).toEqual([]);
    const stale = Object.keys(ENTRIES).filter((id) => !routes.some((r) => r.id === id));
    expect(stale).toEqual([]);
  });

  it('answers every route × caller as the policy says, with no foreign data in any body', async () => {
    const queue = [...cases];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) await runCase(c, ENTRIES[c.route.id] as Entry);
      }),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`isolation matrix: ${cases.length} cases (${routes.length} routes) in ${seconds} s`);
    expect(failures).toEqual([]);
  }, 180_000);

  it('lets no matrix caller reach a target resource (the policy itself is not taken on trust)', () => {
    const targeted: Resource[] = ['dossier', 'subscription', 'tenantRecord', 'platform', 'receipt'];
    const letThrough = cases
      .filter((c) => targeted.includes((ENTRIES[c.route.id] as Entry).resource) && c.expected.allow)
      .map((c) => `${c.route.id} as ${c.caller.label}`);
    expect(letThrough).toEqual([]);
  });

  it('counts its cases (the closing note quotes the count)', () => {
    const refusals = cases.filter((c) => !c.expected.allow).length;
    console.log(`isolation matrix: ${cases.length} cases, ${refusals} of them refusals (401/403/404)`);
    expect(cases.length).toBeGreaterThan(routes.length * 8);
  });
});
