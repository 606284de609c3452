/**
 * No input answers 500 (issue 7 §4). Every route of the route table, through HTTP against the
 * shared offline cloud, with a token of a role it accepts: malformed path parameters, query
 * strings, headers and bodies must come back as 4xx problem+json naming the field, never 5xx.
 * Routes are read from ROUTES and their path parameters filled from the template, so a route
 * added to the table is fuzzed without touching this file.
 *
 * Every malformed body is invalid for every schema (see helpers/malformed.ts), so nothing here
 * writes to the shared cloud except the one dossier the test makes for itself.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { ROUTES, routeRoles, type RouteDef } from '../../shared/api/routes';
import { MAX_BODY_BYTES } from '../../shared/platform/request-guard';
import { defaultProvinceFile, loadProvince } from '../../infra/local/province';
import type { ProvinceFile } from '../../infra/local/seed';
import { request, tokenFor, type ApiResponse } from './helpers/api';
import { LAND_TRANSFER_APPLICANT, acceptedLandTransfer } from './helpers/dossiers';
import {
  badBodies,
  badHeaders,
  badQueries,
  badSegments,
  brokenLeafAt,
  leaves,
  nastyJson,
  randomSegment,
  type Json,
  type Malformed,
} from './helpers/malformed';

const routes = ROUTES as readonly RouteDef[];
/** A well-formed attachment id that names nothing. */
const UNKNOWN_ATTACHMENT = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
/** A well-formed webhook delivery id (event instant + hash) that names no delivery. */
const UNKNOWN_DELIVERY = '20261201T000000000Z-AAAAAAAAAAAAAAAAAAAAAA';
const PARALLEL = 4;

/** One valid body per route that takes one: the base each broken-leaf case starts from. */
const SAMPLES: Record<string, unknown[]> = {
  putProcedure: [
    {
      name: 'Thủ tục thử nghiệm',
      field: 'Thử nghiệm',
      level: 'commune',
      competent: 'commune',
      time: { workingDays: 3 },
      onTheSpot: false,
      fee: 10000,
      online: 'full',
      documents: ['Tờ khai'],
      steps: [
        { name: 'Tiếp nhận', role: 'reception', days: 1 },
        { name: 'Ký', role: 'leader', agency: '000.30.01.H99', days: 2 },
      ],
    },
  ],
  importCatalog: [
    {
      kind: 'procedures',
      dryRun: true,
      effectiveFrom: '2027-01-01',
      rows: [
        {
          line: 2,
          cells: {
            code: '1.000001',
            name: 'Thủ tục thử',
            field: 'Thử nghiệm',
            level: 'Cấp Tỉnh',
            agency: '000.07.20.H99',
            time: '05 ngày làm việc',
            fee: 'Không',
            documents: 'Đơn đề nghị',
            online: 'Toàn trình',
          },
        },
      ],
    },
    {
      kind: 'agencies',
      dryRun: true,
      rows: [
        {
          line: 2,
          cells: { code: '000.99.01.H99', name: 'Sở Thử', level: 'Cấp Tỉnh', receptionPoint: 'không' },
        },
      ],
    },
  ],
  putAgency: [
    {
      name: 'UBND xã Thử',
      parent: '000.00.00.H99',
      receptionPoint: true,
      level: 'commune',
      address: 'Thôn 1',
    },
  ],
  putTenantSettings: [
    {
      name: 'Tỉnh Demo',
      provinceCode: 'H99',
      officeHours: [
        ['07:30', '11:30'],
        ['13:00', '17:00'],
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
      cutoff: '15:00',
      countFrom: 'nextWorkingDay',
      calendarOverrides: [
        { date: '2027-02-20', kind: 'work', reason: 'Làm bù', hours: [['07:30', '11:30']] },
      ],
      forms: {
        place: 'Demo',
        counters: [
          {
            agency: '000.30.01.H99',
            name: 'Bộ phận Một cửa',
            address: 'Thôn Đông',
            phone: '0299 3812 345',
            place: 'Bình Thành',
          },
        ],
      },
    },
  ],
  submitDossier: [
    {
      procedureCode: '1.004227',
      channel: 'counter',
      applicant: { ...LAND_TRANSFER_APPLICANT, email: 'dung@example.vn' },
      request: 'Đăng ký biến động',
      documents: [{ name: 'Hợp đồng', kind: 'certifiedCopy', copies: 1 }],
      decision: { outcome: 'accept', note: 'Đủ hồ sơ' },
    },
  ],
  decideReception: [
    {
      outcome: 'requestSupplement',
      items: [{ document: 'Hợp đồng', reason: 'Thiếu trang 3' }],
      note: 'Bổ sung',
      expectedVersion: 1,
    },
  ],
  actOnDossier: [
    {
      action: 'apologize',
      reason: 'Chậm',
      newAppointmentAt: '2027-03-01T09:00:00+07:00',
      expectedVersion: 1,
    },
    { action: 'sendBack', toStep: 0, reason: 'Sai', expectedVersion: 1 },
    { action: 'assign', assignee: 'chuyenvien.datdai', expectedVersion: 1 },
  ],
  actOnDossierByReceipt: [
    { action: 'withdraw', reason: 'Không cần nữa', expectedVersion: 1 },
    {
      action: 'resubmit',
      documents: [{ name: 'Hợp đồng', kind: 'certifiedCopy', copies: 1 }],
      note: 'Đã bổ sung',
      expectedVersion: 1,
    },
  ],
  createAttachment: [
    {
      fileName: 'hop-dong.pdf',
      contentType: 'application/pdf',
      size: 1024,
      sha256: '0'.repeat(64),
      document: 'Hợp đồng',
    },
  ],
  createAttachmentByReceipt: [
    { fileName: 'to-khai-co-chu-ky.pdf', contentType: 'application/pdf', size: 2048, document: 'Tờ khai' },
  ],
  createWebhookSubscription: [
    {
      url: 'http://127.0.0.1:9/fuzz',
      eventTypes: ['dossier.received', 'dossier.overdue'],
      purpose: 'statistics',
      description: 'Thử',
      enabled: false,
      agency: '000.30.01.H99',
    },
  ],
  updateWebhookSubscription: [
    {
      expectedVersion: 1,
      url: 'http://127.0.0.1:9/fuzz',
      eventTypes: ['*'],
      enabled: true,
      description: 'Thử',
    },
  ],
  rotateWebhookSecret: [{ expectedVersion: 1, graceSeconds: 3600 }],
  redeliverWebhooksSince: [{ since: '2026-12-01T00:00:00+07:00' }],
};

interface Target {
  route: RouteDef;
  /** The route's path with every parameter filled with a valid value. */
  path: string;
  params: Record<string, string>;
  token?: string;
}

interface Outcome {
  case: string;
  status: number;
}

let targets: Target[];

/** A demo user holding one of the route's roles; the fuzz dossier's own counter for reception. */
function userFor(route: RouteDef, province: ProvinceFile): string | undefined {
  if (route.auth === 'public') return undefined;
  const wanted = routeRoles(route) ?? ['reception'];
  if (wanted.includes('reception')) return 'tiepnhan.binhthanh';
  // The platform operator's account (`npm start` signs it in too).
  if ((wanted as string[]).includes('operator')) return 'operator';
  const staff = province.staff.find((s) => s.roles.some((r) => (wanted as string[]).includes(r)));
  if (staff) return staff.username;
  if ((wanted as string[]).includes('citizen')) return 'citizen';
  throw new Error(`No demo user holds a role of ${route.id}: ${wanted.join(', ')}`);
}

/** The first of the known valid values that the route's schema accepts for this parameter. */
function validParam(route: RouteDef, name: string, dossierCode: string): string {
  // A well-formed request to suspend would suspend the demo tenant every other test file uses:
  // the operator's routes are fuzzed on a tenant that does not exist (404 at most).
  if (route.path.startsWith('/v1/operator/') && name === 'tenant') return 'khong-co-tinh';
  const shape = (
    route.request?.params as
      { shape?: Record<string, z.core.$ZodType & Pick<z.ZodMiniType, 'safeParse'>> } | undefined
  )?.shape;
  const candidates = [
    'demo',
    dossierCode,
    '1.004227',
    '000.30.01.H99',
    UNKNOWN_ATTACHMENT,
    '01.pdf',
    UNKNOWN_DELIVERY,
  ];
  const value = candidates.find((c) => shape?.[name]?.safeParse(c).success);
  if (!value) throw new Error(`${route.id}: no sample value fits {${name}}; add one to the candidates`);
  return value;
}

function fill(route: RouteDef, params: Record<string, string>): string {
  if (route.path === '$default') return '/v1/no-such-route';
  return route.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => params[name] as string);
}

async function send(target: Target, c: Malformed): Promise<ApiResponse> {
  const { route } = target;
  const method = route.path === '$default' ? 'GET' : route.method;
  const path = (c.path ?? target.path) + (c.query ? `?${c.query}` : '');
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return request(method, path, {
    token: target.token,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...c.headers },
    rawBody: hasBody ? (c.body ?? '{}') : undefined,
  });
}

const PROBLEM_STATUSES = [400, 413, 415, 422];

/** What is wrong with the answer to one case, if anything. */
function judge(c: Malformed, res: ApiResponse): string | undefined {
  if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (c.refused && res.status < 400) return `accepted with ${res.status}`;
  if (PROBLEM_STATUSES.includes(res.status)) {
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
      return `${res.status} without problem+json`;
    const fields = ((res.body?.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
    if (res.status === 400 && fields.length === 0) return '400 naming no field';
    if (res.status === 400 && c.field && !fields.includes(c.field))
      return `400 naming ${fields.join(', ')}, not ${c.field}`;
  }
  return undefined;
}

/** Sends the cases a few at a time and returns every one that was answered wrongly. */
async function run(target: Target, cases: Malformed[], outcomes: Outcome[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++] as Malformed;
      const res = await send(target, c);
      outcomes.push({ case: `${target.route.id}: ${c.what}`, status: res.status });
      const wrong = judge(c, res);
      if (wrong) failures.push(`${target.route.id} ${c.what}: ${wrong}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return failures;
}

describe('no input answers 500 (integration)', () => {
  const outcomes: Outcome[] = [];
  let dossierCode: string;

  beforeAll(async () => {
    dossierCode = (await acceptedLandTransfer()).code;
    const province = await loadProvince(defaultProvinceFile());
    targets = routes.map((route) => {
      const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(names.map((n) => [n, validParam(route, n, dossierCode)]));
      const user = userFor(route, province);
      return { route, params, path: fill(route, params), token: user ? tokenFor(user) : undefined };
    });
  });

  afterAll(() => {
    // Which answers the fuzzing got, by status: a quick look that it reached past the gateway.
    const byStatus = new Map<number, number>();
    for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    process.stdout.write(
      `input fuzz: ${outcomes.length} requests; statuses ${JSON.stringify(Object.fromEntries(byStatus))}\n`,
    );
  });

  it('every sample body is valid for its route, so a broken leaf is the only fault', () => {
    for (const [id, samples] of Object.entries(SAMPLES)) {
      const route = routes.find((r) => r.id === id);
      for (const sample of samples)
        expect([id, route?.request?.body?.safeParse(sample).success]).toEqual([id, true]);
    }
  });

  it('malformed path parameters are refused on every route', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const cases: Malformed[] = Object.entries(target.params).flatMap(([name, valid]) =>
        badSegments(valid).map(([what, segment]) => ({
          what: `{${name}} ${what}`,
          path: fill(target.route, { ...target.params, [name]: segment }),
          refused: true,
        })),
      );
      if (target.route.path === '$default')
        cases.push(...badSegments('x').map(([what, s]) => ({ what, path: `/v1/${s}`, refused: true })));
      failures.push(...(await run(target, cases, outcomes)));
    }
    expect(failures).toEqual([]);
  });

  it('random path parameters are refused on every route that has one (property)', async () => {
    const withParams = targets.filter((t) => Object.keys(t.params).length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withParams), randomSegment, async (target, segment) => {
        const name = Object.keys(target.params)[0] as string;
        const c = {
          what: `{${name}} = ${segment}`,
          path: fill(target.route, { ...target.params, [name]: segment }),
          refused: true,
        };
        const res = await send(target, c);
        outcomes.push({ case: `${target.route.id}: random segment`, status: res.status });
        expect(judge(c, res)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('malformed query strings are refused where a route reads them, ignored elsewhere', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const schema = target.route.request?.query;
      const cases: Malformed[] = schema
        ? badQueries(schema).map(([what, query, refused]) => ({
            what: `query ${what}`,
            query,
            refused,
          }))
        : [{ what: 'query on a route without one', query: 'x=%00&y=%ED%A0%80', refused: false }];
      failures.push(...(await run(target, cases, outcomes)));
    }
    expect(failures).toEqual([]);
  });

  it('malformed headers: a bad Idempotency-Key is refused naming it, the rest survive', async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const idempotent = target.route.idempotent === true;
      const cases = badHeaders(idempotent).map(([what, headers, refused]) => ({
        what,
        headers,
        refused,
        field: refused ? 'headers.idempotency-key' : undefined,
      }));
      failures.push(...(await run(target, cases, outcomes)));
    }
    expect(failures).toEqual([]);
  });

  it('malformed bodies are refused on every route that takes one, and survived by the others', async () => {
    const failures: string[] = [];
    for (const target of targets.filter((t) => t.route.method !== 'GET' && t.route.path !== '$default')) {
      const takesBody = target.route.request?.body !== undefined;
      const cases = badBodies(MAX_BODY_BYTES).map(([what, body, headers]) => ({
        what: `body ${what}`,
        body,
        headers,
        refused: takesBody,
      }));
      failures.push(...(await run(target, cases, outcomes)));
    }
    expect(failures).toEqual([]);
  });

  it('a valid body with any one leaf broken is refused, naming that field', async () => {
    const failures: string[] = [];
    for (const target of targets.filter((t) => t.route.request?.body)) {
      const samples = (SAMPLES[target.route.id] ?? [{}]) as Json[];
      // Every leaf once, each with a replacement drawn at random: broken text, a far date, a
      // number out of range, the wrong type.
      const cases = samples.flatMap((sample) =>
        leaves(sample).map((path) => {
          const [body] = fc.sample(brokenLeafAt(sample, path), 1);
          const field = ['body', ...path].join('.');
          return {
            what: `${field} broken: ${JSON.stringify(body).slice(0, 160)}`,
            body: JSON.stringify(body),
            refused: true,
            field,
          };
        }),
      );
      failures.push(...(await run(target, cases, outcomes)));
    }
    expect(failures).toEqual([]);
  });

  it('random JSON laced with broken text and far dates is refused on every route with a body (property)', async () => {
    const withBody = targets.filter((t) => t.route.request?.body);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withBody), nastyJson, async (target, value) => {
        const c = { what: 'random JSON', body: JSON.stringify(value), refused: true };
        const res = await send(target, c);
        outcomes.push({ case: `${target.route.id}: random JSON`, status: res.status });
        expect(judge(c, res)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['an unknown role', '/v1/work-queue?role=nope', 'query.role', 'invalid_value'],
    ['a 2,000-digit agency', `/v1/work-queue?agency=${'0'.repeat(2000)}`, 'query.agency', 'too_big'],
    ['a 5,000-character search', `/v1/public/demo/procedures?q=${'a'.repeat(5000)}`, 'query.q', 'too_big'],
    ['a NUL in the search', '/v1/public/demo/procedures?q=a%00b', 'query.q', 'invalid_format'],
    ['a misspelt filter', '/v1/public/demo/procedures?agencey=000.30.01.H99', 'query', 'unrecognized_keys'],
  ])('query with %s: 400 naming %s', async (_, path, field, rule) => {
    const res = await request('GET', path, { as: 'tiepnhan.binhthanh' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, rule })]);
  });

  describe('the 500s observed in issue 7', () => {
    const tooLong = () => `${dossierCode}${'1'.repeat(2000)}`;
    const fieldsOf = (res: ApiResponse) =>
      (res.body.errors as Array<{ field: string; rule: string }>).map((e) => [e.field, e.rule]);

    it.each([
      ['public tracking', () => `/v1/public/demo/dossiers/${tooLong()}`],
      ['get', () => `/v1/dossiers/${tooLong()}`],
      ['history', () => `/v1/dossiers/${tooLong()}/history`],
      ['attachments', () => `/v1/dossiers/${tooLong()}/attachments`],
    ])('a 2,000-digit dossier code on %s: 400 naming params.code', async (_, path) => {
      const res = await request('GET', path(), { as: 'tiepnhan.binhthanh' });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([['params.code', 'too_big']]);
    });

    it('a body nested 5,000 deep with an Idempotency-Key: 400 naming body', async () => {
      const res = await request('POST', '/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        rawBody: JSON.stringify({ ...(SAMPLES.submitDossier?.[0] as object), x: 0 }).replace(
          '"x":0',
          `"x":${'['.repeat(5000)}${']'.repeat(5000)}`,
        ),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'fuzz-deep-0001' },
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([['body', 'too_deep']]);
    });

    it('a file name with a lone surrogate: 400 naming body.fileName, and no pending record left', async () => {
      const res = await request('POST', `/v1/dossiers/${dossierCode}/attachments`, {
        as: 'tiepnhan.binhthanh',
        rawBody: '{"fileName":"a\\ud800.pdf","contentType":"application/pdf","size":10}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([['body.fileName', 'invalid_format']]);
      const list = await request('GET', `/v1/dossiers/${dossierCode}/attachments`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(list.body.items).toEqual([]);
    });

    it('an apology dated 2999, outside the calendar: 400 naming body.newAppointmentAt', async () => {
      const res = await request('POST', `/v1/dossiers/${dossierCode}/actions`, {
        as: 'lanhdao.binhthanh',
        body: {
          action: 'apologize',
          reason: 'Chậm',
          newAppointmentAt: '2999-01-04T09:00:00+07:00',
          expectedVersion: 1,
        },
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([['body.newAppointmentAt', 'invalid_format']]);
    });
  });
});
