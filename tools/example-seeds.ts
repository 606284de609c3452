/**
 * `npm run example:seeds` (against a running `npm start`): the figures the seed articles quote,
 * reproduced on the demo province through the real API and read back from `GET /v1/reports`.
 *
 *   A. "1,571 received, 1,571 resolved, 100% on time": 157 birth registrations (1.001193) at the
 *      Bình Thành commune counter on Monday 15/06/2026, each taken through its four steps and
 *      returned the same day (scale 1:10).
 *   B. "78,400 dossiers, 71,400 on the spot, none late": on Tuesday 16/06/2026, 71 certified copies
 *      (2.000815, an on-the-spot procedure) done and returned at once, and 7 judicial-record
 *      requests (2.000488, ten working days) received and left in processing (scale 1:1,000).
 *
 * The demo clock is moved to each day (POST /_local/clock, ticking) and put back to real time at
 * the end (DELETE /_local/clock); the counters are filled by the report consumer, asynchronously,
 * so the figures are polled until they settle. A day that already holds dossiers (a second run on
 * the same data dir) is refused: its figures would be the sum of both runs.
 *
 * MOTCUA_API (default http://localhost:3000) is the API of `npm start`.
 */
const BASE = (process.env.MOTCUA_API ?? 'http://localhost:3000').replace(/\/$/, '');
const CONCURRENCY = 6;

interface Figures {
  received: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pending: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * One API call. A 429 (the province's fair share: the demo is on the standard plan, docs/fair-share.md)
 * is waited out for the `Retry-After` it names and retried, as a well-behaved client does.
 */
async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status === 429 && attempt < 20) {
      const waitSec = Number(res.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, waitSec) * 1000));
      continue;
    }
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

const tokens = new Map<string, string>();
async function token(username: string): Promise<string> {
  if (!tokens.has(username))
    tokens.set(
      username,
      (await call<{ token: string }>('POST', '/_local/tokens', undefined, { username })).token,
    );
  return tokens.get(username)!;
}

interface View {
  code: string;
  version: number;
  status: string;
}

async function receive(procedureCode: string, n: number): Promise<View> {
  return call<View>('POST', '/v1/dossiers', await token('tiepnhan.binhthanh'), {
    procedureCode,
    channel: 'counter',
    applicant: {
      name: `Người dân ${n}`,
      idNumber: `0010990${String(n).padStart(5, '0')}`,
      phone: '0912000000',
      address: 'Xã Bình Thành',
    },
    request: 'Ví dụ số liệu báo cáo / report worked example',
    decision: { outcome: 'accept' },
  });
}

/** Takes the actions in order, each at the version the previous answer returned. */
async function run(dossier: View, steps: Array<[string, Record<string, unknown>]>): Promise<View> {
  let view = dossier;
  for (const [user, action] of steps)
    view = await call<View>('POST', `/v1/dossiers/${view.code}/actions`, await token(user), {
      ...action,
      expectedVersion: view.version,
    });
  return view;
}

const RECEPTION = 'tiepnhan.binhthanh';
const LEADER = 'lanhdao.binhthanh';
const RETURN: Array<[string, Record<string, unknown>]> = [
  [RECEPTION, { action: 'markResultReady', kind: 'paper' }],
  [RECEPTION, { action: 'returnResult', method: 'counter' }],
];
/** 1.001193: reception, assessment (the commune's reception officer is also its specialist), leader, return. */
const BIRTH_REGISTRATION: Array<[string, Record<string, unknown>]> = [
  [RECEPTION, { action: 'forward' }],
  [RECEPTION, { action: 'forward' }],
  [LEADER, { action: 'approve' }],
  [LEADER, { action: 'sign' }],
  [LEADER, { action: 'forward' }],
  ...RETURN,
];
/** 2.000815: reception, then the leader certifies and signs; the result is handed over at once. */
const CERTIFIED_COPY: Array<[string, Record<string, unknown>]> = [
  [RECEPTION, { action: 'forward' }],
  [LEADER, { action: 'approve' }],
  [LEADER, { action: 'sign' }],
  ...RETURN,
];

async function inParallel(count: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await job(i);
      if (++done % 25 === 0) log(`  … ${done}/${count}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function dayTotals(day: string): Promise<Figures & { readUnits: number }> {
  const report = await call<{ totals: Array<{ figures: Figures }>; readUnits: number }>(
    'GET',
    `/v1/reports?period=day&from=${day}&to=${day}`,
    await token('quantri'),
  );
  const zero = {
    received: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    pending: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
  };
  return { ...zero, ...report.totals[0]?.figures, readUnits: report.readUnits };
}

/** The counters fill asynchronously (outbox → stream → reports queue → consumer): wait until they match. */
async function settled(day: string, expected: Partial<Figures>): Promise<Figures & { readUnits: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const totals = await dayTotals(day);
    if (Object.entries(expected).every(([k, v]) => totals[k as keyof Figures] === v)) return totals;
    if (Date.now() > deadline)
      throw new Error(
        `the report of ${day} did not reach ${JSON.stringify(expected)}: ${JSON.stringify(totals)}`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function onDay(day: string, work: () => Promise<void>): Promise<void> {
  const before = await dayTotals(day);
  if (before.received > 0)
    throw new Error(
      `Ngày ${day} đã có ${before.received} hồ sơ (lần chạy trước); chạy với thư mục dữ liệu mới / ` +
        `${day} already holds ${before.received} dossiers from an earlier run: use a fresh data dir (MOTCUA_DATA_DIR)`,
    );
  await call('POST', '/_local/clock', undefined, { now: `${day}T08:00:00+07:00` });
  await work();
}

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

async function main(): Promise<void> {
  const A = { day: '2026-06-15', dossiers: 157 };
  const B = { day: '2026-06-16', onTheSpot: 71, longer: 7 };
  try {
    log(`A. ${A.dossiers} birth registrations on ${A.day}…`);
    await onDay(A.day, () =>
      inParallel(A.dossiers, async (i) => run(await receive('1.001193', i), BIRTH_REGISTRATION)),
    );
    log(`B. ${B.onTheSpot} certified copies and ${B.longer} judicial-record requests on ${B.day}…`);
    await onDay(B.day, async () => {
      await inParallel(B.onTheSpot, async (i) => run(await receive('2.000815', 1000 + i), CERTIFIED_COPY));
      await inParallel(B.longer, (i) => receive('2.000488', 2000 + i));
    });
  } finally {
    await call('DELETE', '/_local/clock').catch(() => undefined);
  }
  log('waiting for the report counters…');
  const a = await settled(A.day, { received: A.dossiers, resolvedOnTime: A.dossiers });
  const b = await settled(B.day, { received: B.onTheSpot + B.longer, resolvedOnTime: B.onTheSpot });
  const resolved = (f: Figures) => f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
  const lines = [
    '| example | seed figure | received | resolved | of which on time | late | still in processing | read units |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| A ${A.day} | 1,571 received, 1,571 resolved, 100% on time | ${a.received} | ${resolved(a)} | ${pct(a.resolvedEarly + a.resolvedOnTime, resolved(a))} | ${a.resolvedLate} | ${a.pending} | ${a.readUnits} |`,
    `| B ${B.day} | 78,400 dossiers, 71,400 on the spot, none late | ${b.received} | ${resolved(b)} (on the spot) | ${pct(b.resolvedEarly + b.resolvedOnTime, resolved(b))} | ${b.resolvedLate} | ${b.pending} (${b.pendingWithinDeadline} within deadline) | ${b.readUnits} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(`example:seeds failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
