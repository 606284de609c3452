/**
 * The authorization policy (shared/domain/policy), table-tested: the table below is the policy as a
 * person reads it, every role × action × relation is decided against it, every route names an
 * action, the lifecycle's permits agree with the `dossier.act` row, and docs/authorization.md is
 * what the code generates.
 */
import { readFileSync } from 'node:fs';
import { ROUTES, routeRoles, type RouteDef } from '../../../shared/api/routes';
import { LIFECYCLE } from '../../../shared/domain/lifecycle/table';
import {
  ACTION_NAMES,
  ACTIONS,
  POLICY,
  RELATION_NAMES,
  decide,
  relationsOf,
  type Action,
  type Caller,
  type DossierFacts,
  type Facts,
  type Grant,
  type Relation,
} from '../../../shared/domain/policy';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { renderCommitted, TARGET } from '../../../tools/authorization-doc';

/*
 * Legend: `-` not at all (403) · `T` anywhere in its own tenant · `A` its own agency only ·
 * `P` platform-wide ·
 * `pass` passedThroughMyAgency · `step` atMyAgencyStep · `result` atMyAgencyResultStep ·
 * `counter` receivedAtMyCounter · `mine` submittedByMe · `client` myAgencysClient ·
 * `receipt` holdsReceipt (gave the dossier's receipt secret) ·
 * `step+counter` either.
 */
const COLUMNS: Role[] = [
  'reception',
  'specialist',
  'leader',
  'clerk',
  'agencySystem',
  'citizen',
  'tenantAdmin',
  'auditor',
  'operator',
];
// prettier-ignore
const EXPECTED: Record<Action, string[]> = {
  //                          reception       specialist leader  clerk     agencySystem citizen tenantAdmin auditor operator
  public:                    ['-',            '-',       '-',    '-',      '-',         '-',    '-',        '-',    '-'],
  'tenants.operate':         ['-',            '-',       '-',    '-',      '-',         '-',    '-',        '-',    'P'],
  'catalog.admin':           ['-',            '-',       '-',    '-',      '-',         '-',    'T',        '-',    '-'],
  'staff.admin':             ['-',            '-',       '-',    '-',      '-',         '-',    'T',        '-',    '-'],
  'agencyClients.admin':     ['-',            '-',       '-',    '-',      '-',         '-',    'T',        '-',    '-'],
  'usage.read':              ['-',            '-',       '-',    '-',      '-',         '-',    'T',        '-',    '-'],
  'reports.read':            ['-',            '-',       'A',    '-',      '-',         '-',    'T',        'T',    '-'],
  'reports.export':          ['-',            '-',       'A',    '-',      '-',         '-',    'T',        'T',    '-'],
  'serviceIndex.read':       ['-',            '-',       '-',    '-',      '-',         '-',    'T',        'T',    '-'],
  'serviceIndex.write':      ['-',            '-',       '-',    '-',      '-',         '-',    'T',        '-',    '-'],
  'audit.read':              ['-',            '-',       '-',    '-',      '-',         '-',    'T',        'T',    '-'],
  'audit.export':            ['-',            '-',       '-',    '-',      '-',         '-',    'T',        'T',    '-'],
  'workQueue.read':          ['A',            'A',       'A',    '-',      'A',         '-',    'T',        '-',    '-'],
  'webhooks.read':           ['-',            '-',       '-',    '-',      'client',    '-',    'T',        '-',    '-'],
  'webhooks.manage':         ['-',            '-',       '-',    '-',      'client',    '-',    'T',        '-',    '-'],
  'dossier.submit':          ['T',            '-',       '-',    '-',      '-',         'T',    '-',        '-',    '-'],
  'dossier.decideReception': ['counter',      '-',       '-',    '-',      '-',         '-',    '-',        '-',    '-'],
  'dossier.act':             ['step+counter', 'step',    'step', 'step',   'step',      'mine', '-',        '-',    '-'],
  'dossier.read':            ['pass',         'pass',    'pass', 'result', 'client',    'mine', 'T',        'T',    '-'],
  'dossier.history':         ['pass',         'pass',    'pass', 'result', 'client',    'mine', 'T',        'T',    '-'],
  'attachments.read':        ['pass',         'pass',    'pass', 'result', 'client',    'mine', 'T',        'T',    '-'],
  'attachments.write':       ['pass',         'pass',    'pass', '-',      'client',    'mine', 'T',        '-',    '-'],
  'dossier.receipt':         ['pass',         'pass',    'pass', 'result', '-',         'mine', 'T',        'T',    '-'],
  'dossier.staffForms':      ['pass',         'pass',    'pass', 'result', '-',         '-',    'T',        'T',    '-'],
  'receipt.read':            ['-',            '-',       '-',    '-',      '-',         'receipt', '-',     '-',    '-'],
  'receipt.act':             ['-',            '-',       '-',    '-',      '-',         'receipt', '-',     '-',    '-'],
};

const CODES: Record<string, Grant | undefined> = {
  '-': undefined,
  T: 'tenant',
  A: 'agency',
  P: 'platform',
  pass: ['passedThroughMyAgency'],
  step: ['atMyAgencyStep'],
  result: ['atMyAgencyResultStep'],
  counter: ['receivedAtMyCounter'],
  mine: ['submittedByMe'],
  client: ['myAgencysClient'],
  receipt: ['holdsReceipt'],
  'step+counter': ['atMyAgencyStep', 'receivedAtMyCounter'],
};

/** A land transfer: received at the commune, steps at land, tax, land and the commune again. */
const COMMUNE = '000.30.01.H99';
const LAND = '000.08.21.H99';
const TAX = '000.10.20.H99';
const ELSEWHERE = '000.05.20.H99';
const dossierAt = (current: number, submittedByCitizen?: string): DossierFacts => {
  const stepAgencies = [COMMUNE, LAND, TAX, LAND, COMMUNE];
  return {
    kind: 'dossier',
    tenant: 'demo',
    receivingAgency: COMMUNE,
    competentAgency: LAND,
    stepAgencies,
    currentStep: { agency: stepAgencies[current] as string, last: current === stepAgencies.length - 1 },
    ...(submittedByCitizen ? { submittedByCitizen } : {}),
  };
};

/**
 * Situations, each written with the relations that hold in it (checked against relationsOf first),
 * for a caller of the given agency (citizens: none).
 */
const SITUATIONS: Array<{ name: string; agency?: string; facts: Facts; holds: Relation[]; tenant?: string }> =
  [
    {
      name: 'a dossier at my agency’s step',
      agency: TAX,
      facts: dossierAt(2),
      holds: ['passedThroughMyAgency', 'atMyAgencyStep'],
    },
    {
      name: 'a dossier at its result step, at my agency',
      agency: COMMUNE,
      facts: dossierAt(4),
      holds: ['passedThroughMyAgency', 'receivedAtMyCounter', 'atMyAgencyStep', 'atMyAgencyResultStep'],
    },
    {
      name: 'a dossier that passed through my agency',
      agency: TAX,
      facts: dossierAt(3),
      holds: ['passedThroughMyAgency'],
    },
    {
      name: 'a dossier received at my counter, now elsewhere',
      agency: COMMUNE,
      facts: dossierAt(1),
      holds: ['passedThroughMyAgency', 'receivedAtMyCounter'],
    },
    { name: 'a dossier I submitted', facts: dossierAt(1, 'me'), holds: ['submittedByMe'] },
    { name: 'a dossier with no part for me', agency: ELSEWHERE, facts: dossierAt(1, 'someone'), holds: [] },
    {
      name: 'my agency’s record',
      agency: COMMUNE,
      facts: { kind: 'agencyResource', tenant: 'demo', agency: COMMUNE },
      holds: [],
    },
    {
      name: 'another agency’s record',
      agency: TAX,
      facts: { kind: 'agencyResource', tenant: 'demo', agency: COMMUNE },
      holds: [],
    },
    { name: 'a record of the tenant', agency: COMMUNE, facts: { kind: 'tenant', tenant: 'demo' }, holds: [] },
    // The relations hold as they would in the caller's tenant: the tenant wall stops it first (404).
    {
      name: 'another tenant’s dossier',
      agency: TAX,
      facts: { ...dossierAt(2), tenant: 'other' },
      holds: ['passedThroughMyAgency', 'atMyAgencyStep'],
    },
  ];

const callerAs = (role: Role, agency: string | undefined): Caller => ({
  subject: 'me',
  tenant: role === 'operator' ? 'platform' : 'demo',
  agency: role === 'citizen' ? undefined : agency,
  roles: [role],
});

function relationsFor(role: Role, s: (typeof SITUATIONS)[number]): Set<Relation> {
  const held = new Set(s.holds);
  // An agency system is its agency's client: it holds myAgencysClient where its agency has a part.
  if (
    role === 'agencySystem' &&
    (s.holds.includes('passedThroughMyAgency') || s.name === 'my agency’s record')
  )
    held.add('myAgencysClient');
  if (role === 'citizen') for (const r of held) if (r !== 'submittedByMe') held.delete(r);
  if (role !== 'citizen') held.delete('submittedByMe');
  return held;
}

describe('the authorization policy', () => {
  it('is the table a person reads above, cell for cell', () => {
    const actual = Object.fromEntries(ACTION_NAMES.map((a) => [a, COLUMNS.map((r) => POLICY[a][r])]));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([a, cells]) => [a, cells.map((c) => CODES[c])]),
    );
    expect(actual).toEqual(expected);
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
  });

  describe.each(SITUATIONS)('relations: $name', (s) => {
    it.each(ROLES.filter((r) => r !== 'operator'))('as %s', (role) => {
      const caller = callerAs(role, s.agency);
      const facts = s.facts.tenant === 'demo' ? s.facts : { ...s.facts, tenant: 'demo' };
      expect([...relationsOf(caller, facts)].sort()).toEqual([...relationsFor(role, s)].sort());
    });
  });

  const cases = ACTION_NAMES.flatMap((action) =>
    ROLES.flatMap((role) => SITUATIONS.map((s) => ({ action, role, s }))),
  );
  it.each(cases)('decides $action by $role on $s.name', ({ action, role, s }) => {
    const grant = CODES[EXPECTED[action][COLUMNS.indexOf(role)] as string];
    const caller = callerAs(role, s.agency);
    const decision = decide(
      caller,
      action,
      ACTIONS[action].scope === 'dossier' ||
        ACTIONS[action].scope === 'agencyResource' ||
        ACTIONS[action].scope === 'tenant'
        ? s.facts
        : undefined,
    );
    if (action === 'public') return expect(decision.allow).toBe(true);
    if (grant === undefined)
      return expect(decision).toMatchObject({ allow: false, status: 403, reason: 'role' });
    if (grant === 'platform') return expect(decision.allow).toBe(true);
    const scope = ACTIONS[action].scope;
    if (scope !== 'tenant' && s.facts.tenant !== caller.tenant)
      return expect(decision).toMatchObject({ allow: false, status: 404 });
    if (scope === 'tenant' && s.facts.tenant !== caller.tenant)
      return expect(decision).toMatchObject({ allow: false, status: 404 });
    const related = relationsFor(role, s);
    const allowed =
      grant === 'tenant' ||
      (grant === 'agency'
        ? s.facts.kind === 'agencyResource' && s.facts.agency === caller.agency
        : grant.some((r) => related.has(r)));
    expect(decision.allow).toBe(allowed);
    if (!allowed) {
      const readable = decide(caller, 'dossier.read', s.facts).allow && s.facts.kind === 'dossier';
      expect(decision).toMatchObject({ status: readable ? 403 : 404, reason: 'relation' });
    }
  });

  it('refuses an unauthenticated caller (401) everything but public actions', () => {
    for (const action of ACTION_NAMES)
      expect(decide(undefined, action)).toMatchObject(
        action === 'public' ? { allow: true } : { status: 401 },
      );
  });

  describe('the receipt holder (issue 11 §7)', () => {
    const holder = (code: string): Caller => ({
      subject: `receipt:${code}`,
      tenant: 'demo',
      roles: ['citizen'],
      receiptFor: code,
    });
    const facts = (code: string, tenant = 'demo'): DossierFacts => ({
      ...dossierAt(1, 'someone'),
      code,
      tenant,
    });

    it('holds the receipt of the dossier whose secret it gave, and of no other', () => {
      expect([...relationsOf(holder('A-1'), facts('A-1'))]).toEqual(['holdsReceipt']);
      expect([...relationsOf(holder('A-1'), facts('A-2'))]).toEqual([]);
      // Never "submitted by me", even when a dossier names its subject as the submitter.
      expect([...relationsOf(holder('A-1'), { ...facts('A-1'), submittedByCitizen: 'receipt:A-1' })]).toEqual(
        ['holdsReceipt'],
      );
    });

    it('reads and acts with the receipt actions only, on that dossier, in its tenant', () => {
      expect(decide(holder('A-1'), 'receipt.read', facts('A-1')).allow).toBe(true);
      expect(decide(holder('A-1'), 'receipt.act', facts('A-1')).allow).toBe(true);
      expect(decide(holder('A-1'), 'receipt.read', facts('A-2'))).toMatchObject({ status: 404 });
      expect(decide(holder('A-1'), 'receipt.read', facts('A-1', 'other'))).toMatchObject({ status: 404 });
      for (const action of ['dossier.read', 'dossier.act', 'attachments.write', 'dossier.receipt'] as const)
        expect(decide(holder('A-1'), action, facts('A-1'))).toMatchObject({ allow: false, status: 404 });
    });

    it('is no signed-in citizen: a token without the secret holds no receipt', () => {
      const citizen: Caller = { subject: 'me', tenant: 'demo', roles: ['citizen'] };
      expect(decide(citizen, 'receipt.read', { ...facts('A-1'), submittedByCitizen: 'me' })).toMatchObject({
        allow: false,
        status: 403,
      });
    });
  });

  it('holds an agency system to its scopes: reading needs read or act, changing needs act', () => {
    const system = (scopes: Caller['scopes']): Caller => ({
      subject: 'c',
      tenant: 'demo',
      agency: COMMUNE,
      roles: ['agencySystem'],
      scopes,
    });
    expect(decide(system(['read']), 'dossier.read').allow).toBe(true);
    expect(decide(system(['read']), 'dossier.act')).toMatchObject({ status: 403, reason: 'scope' });
    expect(decide(system(['act']), 'webhooks.read').allow).toBe(true);
    expect(decide(system(['act']), 'webhooks.manage').allow).toBe(true);
  });
});

describe('routes and the policy', () => {
  const routes = ROUTES as readonly RouteDef[];

  it('every route names an action of the policy, and user routes derive their roles from it', () => {
    for (const r of routes) {
      expect(ACTIONS[r.action]).toBeDefined();
      // A public route is open to all, or to whoever gives a receipt secret (issue 11 §7).
      expect(r.auth === 'public').toBe(r.action === 'public' || r.action.startsWith('receipt.'));
      if (r.auth === 'user') expect(routeRoles(r)?.length).toBeGreaterThan(0);
    }
  });

  it('an agency system’s scope follows the method, as before the policy (GET reads)', () => {
    for (const r of routes.filter((r) => routeRoles(r)?.includes('agencySystem')))
      expect(`${r.id} ${ACTIONS[r.action].mode}`).toBe(`${r.id} ${r.method === 'GET' ? 'read' : 'write'}`);
  });

  it('the dossier.act row is the union of the lifecycle’s permits', () => {
    const union: Partial<Record<Role, Set<Relation>>> = {};
    const add = (role: Role, rel: Relation) => (union[role] ??= new Set()).add(rel);
    for (const spec of Object.values(LIFECYCLE)) {
      if (spec.request.route !== 'actions') continue;
      for (const p of spec.who) {
        if (p.relation === 'applicant') add('citizen', 'submittedByMe');
        else {
          const rel: Relation = p.relation === 'counter' ? 'receivedAtMyCounter' : 'atMyAgencyStep';
          const roles =
            p.relation === 'counter' ? (p.roles ?? ['reception', 'specialist', 'leader']) : p.roles;
          for (const r of roles) {
            const named: Role[] = r === 'step' ? ['reception', 'specialist', 'leader'] : [r];
            for (const n of named) {
              add(n, rel);
              if (n === 'specialist') add('agencySystem', rel);
            }
          }
        }
      }
    }
    const row = Object.fromEntries(
      Object.entries(POLICY['dossier.act']).map(([r, g]) => [r, [...(g as Relation[])].sort()]),
    );
    expect(row).toEqual(Object.fromEntries(Object.entries(union).map(([r, s]) => [r, [...s].sort()])));
  });

  it('names every relation somewhere in the table', () => {
    const used = new Set(
      Object.values(POLICY).flatMap((row) => Object.values(row).flatMap((g) => (Array.isArray(g) ? g : []))),
    );
    expect([...used].sort()).toEqual([...RELATION_NAMES].sort());
  });
});

describe('docs/authorization.md', () => {
  it('is what the policy generates (run `npm run docs:authorization`)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(renderCommitted());
  });
});
