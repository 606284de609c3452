/**
 * The cost model's run (issue 10 §4): one dossier's whole life, through HTTP on the offline cloud,
 * for the demo's on-the-spot procedure and for its inter-agency one, with the cloud's meter reset
 * before and read after the asynchronous consumers have settled (infra/local/meter.ts). The counts
 * go through ./cost-model.ts at the prices of ./prices.ts; method and caveats: docs/cost.md.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { FUNCTIONS } from '../shared/api/functions';
import { ROUTES } from '../shared/api/routes';
import type { MeterSnapshot } from '../infra/local/meter';
import type { CloudHandle } from '../tests/integration/helpers/offline';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import {
  countsOf,
  pricedLines,
  provinceYear,
  totalUsd,
  type Counts,
  type FixedMonthly,
  type FunctionFacts,
  type ProvinceAssumptions,
  type ProvinceYear,
} from './cost-model';
import { PRICE_REGION, PRICES, PRICES_AS_OF, USD_TO_VND } from './prices';
import { table } from './report';
import { synthesizedInventory, type StackInventory } from './stack-inventory';

/** Route memory: every route gets the CDK default (infra/constructs/api-function.ts FUNCTION_DEFAULTS). */
export const ROUTE_MEMORY_MB = 512;

export const FUNCTION_FACTS: FunctionFacts = {
  memoryMbOf: (id) => FUNCTIONS.find((f) => f.id === id)?.memoryMb ?? ROUTE_MEMORY_MB,
  isRoute: (id) => ROUTES.some((r) => r.id === id),
  isQueueConsumer: (id) => FUNCTIONS.some((f) => f.id === id && f.source.kind === 'queue'),
};

type Step = readonly [user: string, action: Record<string, unknown>];

export interface Life {
  name: string;
  procedureCode: string;
  /** Actions after reception, in order, each by one demo user. */
  steps: readonly Step[];
}

const RECEPTION = 'tiepnhan.binhthanh';

/** 2.000815, certification of copies: received and done at the commune the same day. */
export const ON_THE_SPOT: Life = {
  name: 'on-the-spot (2.000815, certification of copies)',
  procedureCode: '2.000815',
  steps: [
    [RECEPTION, { action: 'forward' }],
    ['lanhdao.binhthanh', { action: 'approve' }],
    ['lanhdao.binhthanh', { action: 'sign' }],
    [RECEPTION, { action: 'markResultReady', kind: 'paper', documentNumber: 'CT-001' }],
    [RECEPTION, { action: 'returnResult', method: 'counter' }],
  ],
};

/** 1.004227, land transfer: commune → land office → tax → land office → commune (processing.test.ts). */
export const INTER_AGENCY: Life = {
  name: 'inter-agency (1.004227, land transfer)',
  procedureCode: '1.004227',
  steps: [
    [RECEPTION, { action: 'forward' }],
    ['chuyenvien.datdai', { action: 'forward' }],
    ['chuyenvien.thue', { action: 'forward', note: 'Đã xác định nghĩa vụ tài chính' }],
    ['lanhdao.datdai', { action: 'approve' }],
    ['lanhdao.datdai', { action: 'sign' }],
    ['lanhdao.datdai', { action: 'forward' }],
    [RECEPTION, { action: 'markResultReady', kind: 'both', documentNumber: 'GCN-001' }],
    [RECEPTION, { action: 'returnResult', method: 'counter' }],
  ],
};

async function call(
  cloud: CloudHandle,
  method: string,
  path: string,
  user?: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const token = user ? cloud.tokens[user] : undefined;
  if (user && !token) throw new Error(`the cloud issued no token for ${user}`);
  const res = await fetch(`${cloud.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} as ${user ?? 'anyone'}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * The life as people would live it: the officer receives the dossier, each actor opens it and acts
 * on it, the applicant tracks it twice (after reception and once it is returned).
 */
async function live(cloud: CloudHandle, life: Life): Promise<string> {
  const received = await call(cloud, 'POST', '/v1/dossiers', RECEPTION, {
    procedureCode: life.procedureCode,
    channel: 'counter',
    applicant: {
      name: 'Trần Thị Bình',
      idNumber: '001099054321',
      phone: '0912000111',
      email: 'binh.tran@example.vn',
      address: 'Thôn Đông, xã Bình Thành',
    },
    request: 'Hồ sơ đo chi phí',
    decision: { outcome: 'accept' },
  });
  const code = String(received.code);
  const track = `/v1/public/${encodeURIComponent(cloud.info.tenant)}/dossiers/${encodeURIComponent(code)}`;
  await call(cloud, 'GET', track);
  for (const [user, action] of life.steps) {
    const current = await call(cloud, 'GET', `/v1/dossiers/${code}`, user);
    await call(cloud, 'POST', `/v1/dossiers/${code}/actions`, user, {
      ...action,
      expectedVersion: current.version,
    });
  }
  await call(cloud, 'GET', track);
  return code;
}

const meterPath = '/_local/meter';

/** Waits until the meter stops moving for `quietMs`: the queues' consumers are done. */
async function settled(cloud: CloudHandle, quietMs = 2_500, withinMs = 60_000): Promise<MeterSnapshot> {
  const deadline = Date.now() + withinMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const snapshot = (await call(cloud, 'GET', meterPath)) as unknown as MeterSnapshot;
    const key = JSON.stringify({ ...snapshot, since: '' });
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return snapshot;
    if (Date.now() > deadline) throw new Error('the meter kept moving for a minute');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function tableBytes(client: DynamoDBClient, tableName: string): Promise<number> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return Table?.TableSizeBytes ?? 0;
}

export interface LifeFigures {
  name: string;
  code: string;
  snapshot: MeterSnapshot;
  counts: Counts;
  /** Table size growth DynamoDB Local reports (0 if it does not track it). */
  dynamodbBytes: number;
}

/** Runs one life with the meter reset before it; `runs` lives averaged would hide nothing here. */
export async function measureLife(cloud: CloudHandle, life: Life): Promise<LifeFigures> {
  const client = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    await settled(cloud);
    const bytesBefore = await tableBytes(client, cloud.info.tableName);
    const logBefore = (await stat(cloud.logFiles.stdout)).size;
    await call(cloud, 'DELETE', meterPath);
    const code = await live(cloud, life);
    const snapshot = await settled(cloud);
    const logBytes = (await stat(cloud.logFiles.stdout)).size - logBefore;
    const dynamodbBytes = (await tableBytes(client, cloud.info.tableName)) - bytesBefore;
    return {
      name: life.name,
      code,
      snapshot,
      counts: countsOf({ snapshot, logBytes }, FUNCTION_FACTS),
      dynamodbBytes,
    };
  } finally {
    client.destroy();
  }
}

/**
 * Staff of a province who sign in within a month (each a Cognito monthly active user): an
 * assumption, stated in the report — about 5 per commune at Thái Bình's 260 communes and wards, and
 * the district and provincial agencies' one-stop staff. Applicants who track or submit without an
 * account are not users of the pool.
 */
export const THAI_BINH_STAFF_MAU = 1_500;
/** Lite and Essentials pools: this many MAUs a month are free (per account). */
const COGNITO_FREE_MAU = 10_000;
/**
 * An event source mapping polls its queue even when the queue is empty: about 5 pollers × 3 long
 * polls (20 s) a minute × 43,200 minutes ≈ 650,000 requests a month per queue.
 */
const IDLE_POLLS_PER_QUEUE_MONTH = 650_000;

/**
 * Fixed monthly costs of a deployment, from what the synthesized app holds (./stack-inventory.ts):
 * its alarms, dashboards and customer managed keys, the idle long polls of each queue a mapping
 * reads, and the staff's monthly active users at the user pool's plan. Log groups, functions,
 * queues, the state machine and the table cost nothing while idle: counted, not priced.
 */
export function fixedMonthly(inventory: StackInventory, staffMau = THAI_BINH_STAFF_MAU): FixedMonthly[] {
  const plus = inventory.userPoolTiers.includes('PLUS');
  return [
    {
      item: `CloudWatch alarms (${inventory.alarms} in the app)`,
      quantity: inventory.alarms,
      price: 'alarm',
    },
    { item: 'CloudWatch dashboards', quantity: inventory.dashboards, price: 'dashboard' },
    { item: 'KMS customer managed keys', quantity: inventory.kmsKeys, price: 'kmsKey' },
    {
      item: `SQS idle long polls (${inventory.sqsPollers} polled queues)`,
      quantity: inventory.sqsPollers * IDLE_POLLS_PER_QUEUE_MONTH,
      price: 'sqsRequest',
    },
    {
      item: plus
        ? `Cognito MAUs, Plus plan (${staffMau.toLocaleString('en-US')} staff, assumed; no free tier)`
        : `Cognito MAUs (${staffMau.toLocaleString('en-US')} staff, assumed; ${COGNITO_FREE_MAU.toLocaleString('en-US')} free)`,
      quantity: plus ? staffMau : Math.max(0, staffMau - COGNITO_FREE_MAU),
      price: plus ? 'cognitoPlusMau' : 'cognitoEssentialsMau',
    },
  ];
}

/** The inventory's counts as the report prints them, apart from any price. */
export function inventoryRows(inventory: StackInventory): string[][] {
  return [
    [
      'CloudFormation templates',
      `${inventory.templates.stacks} stacks, ${inventory.templates.nested} nested`,
    ],
    ['CloudWatch alarms', String(inventory.alarms)],
    ['CloudWatch dashboards', String(inventory.dashboards)],
    ['KMS customer managed keys', String(inventory.kmsKeys)],
    ['Log groups', String(inventory.logGroups)],
    ['Lambda functions', String(inventory.lambdaFunctions)],
    ['SQS queues (dead-letter queues included)', String(inventory.queues)],
    ['SQS event source mappings (idle polls)', String(inventory.sqsPollers)],
    ['Table stream mappings (reads not billed)', String(inventory.streamPollers)],
    ['Log subscriptions', String(inventory.logSubscriptions)],
    ['Step Functions state machines', String(inventory.stateMachines)],
    ['Cognito user pools (plan)', `${inventory.userPools} (${inventory.userPoolTiers.join(', ')})`],
  ];
}

export interface CostFigures {
  /** 1-minute load average before and after: other work inflates durations, never counts. */
  load: { start: number; end: number };
  lives: { onTheSpot: LifeFigures; interAgency: LifeFigures };
  assumptions: ProvinceAssumptions;
  province: ProvinceYear;
  /** What the synthesized app holds: the fixed costs' quantities. */
  inventory: StackInventory;
}

/** Thái Bình's one-stop shops received about 236,000 dossiers a year (issue 10). */
export const THAI_BINH_DOSSIERS_PER_YEAR = 236_000;
/**
 * Most of a province's dossiers are commune-level and decided at the counter or within a day
 * (certifications, civil status); land, construction and business dossiers cross agencies. 70 / 30
 * is an assumption, stated in the report; the per-dossier lines let a reader redo it.
 */
export const ON_THE_SPOT_SHARE = 0.7;

/**
 * `_queueCount` is no longer read: the polled queues are counted in the synthesized app now. The
 * app is synthesized after the lives, so its CPU time does not weigh on their durations.
 */
export async function costFigures(cloud: CloudHandle, _queueCount?: number): Promise<CostFigures> {
  const loadStart = os.loadavg()[0]!;
  const onTheSpot = await measureLife(cloud, ON_THE_SPOT);
  const interAgency = await measureLife(cloud, INTER_AGENCY);
  const loadEnd = os.loadavg()[0]!;
  const inventory = synthesizedInventory('prod');
  const assumptions: ProvinceAssumptions = {
    dossiersPerYear: THAI_BINH_DOSSIERS_PER_YEAR,
    onTheSpotShare: ON_THE_SPOT_SHARE,
    dynamodbBytesPerDossier:
      ON_THE_SPOT_SHARE * onTheSpot.dynamodbBytes + (1 - ON_THE_SPOT_SHARE) * interAgency.dynamodbBytes,
    fixed: fixedMonthly(inventory),
    logRetentionMonths: 12,
  };
  return {
    load: { start: loadStart, end: loadEnd },
    inventory,
    lives: { onTheSpot, interAgency },
    assumptions,
    province: provinceYear({ onTheSpot: onTheSpot.counts, interAgency: interAgency.counts }, assumptions),
  };
}

const usd = (n: number) => (n === 0 ? '0' : n < 0.01 ? n.toExponential(2) : n.toFixed(2));
const qty = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toPrecision(3));
const vnd = (n: number) => `${Math.round(n).toLocaleString('vi-VN')} ₫`;

export function renderCost(f: CostFigures): string {
  const { onTheSpot: a, interAgency: b } = f.lives;
  const la = pricedLines(a.counts);
  const lb = pricedLines(b.counts);
  const rows = la.map((l, i) => {
    const p = PRICES[l.price];
    return [
      l.item,
      qty(l.quantity),
      qty(lb[i]!.quantity),
      `$${p.usd} / ${qty(p.per)} ${p.unit}`,
      usd(l.usd),
      usd(lb[i]!.usd),
    ];
  });
  rows.push(['**Total per dossier (USD)**', '', '', '', usd(totalUsd(la)), usd(totalUsd(lb))]);
  const perFunction = (life: LifeFigures) =>
    Object.entries(life.snapshot.lambda)
      .map(([id, x]) => `${id} ×${x.invocations} (${x.billedMs} ms)`)
      .join(', ');
  const p = f.province;
  const fixedRows = f.assumptions.fixed.map((x) => [
    x.item,
    qty(x.quantity),
    `$${PRICES[x.price].usd} / ${qty(PRICES[x.price].per)} ${PRICES[x.price].unit}`,
    usd((x.quantity / PRICES[x.price].per) * PRICES[x.price].usd),
  ]);
  return [
    '## Cost of a dossier and of a province (issue 10 §4)',
    '',
    `Counts measured on the offline cloud's meter (GET /_local/meter) over one dossier's whole life each; prices ${PRICE_REGION}, ${PRICES_AS_OF} (bench/prices.ts). Method: docs/cost.md. Load average ${f.load.start.toFixed(1)} → ${f.load.end.toFixed(1)} on ${os.cpus().length} CPUs: durations (GB-s) grow with other work on the machine, counts do not.`,
    '',
    table(
      ['Item', 'On-the-spot', 'Inter-agency', 'List price', 'USD on-the-spot', 'USD inter-agency'],
      rows,
      ['left', 'right', 'right', 'left', 'right', 'right'],
    ),
    '',
    `DynamoDB calls — on-the-spot: ${JSON.stringify(a.snapshot.dynamodb.calls)}; inter-agency: ${JSON.stringify(b.snapshot.dynamodb.calls)}. S3 requests: ${JSON.stringify(a.snapshot.s3.requests)} / ${JSON.stringify(b.snapshot.s3.requests)}. SMS (counted, not priced): ${a.counts.smsMessages} / ${b.counts.smsMessages}. Table growth: ${a.dynamodbBytes} / ${b.dynamodbBytes} bytes.`,
    '',
    `Functions — on-the-spot: ${perFunction(a)}.`,
    '',
    `Functions — inter-agency: ${perFunction(b)}.`,
    '',
    `Counted in the synthesized app (stage ${f.inventory.stage}, every stack and nested stack; bench/stack-inventory.ts):`,
    '',
    table(['Resource', 'Count'], inventoryRows(f.inventory), ['left', 'right']),
    '',
    `Fixed monthly costs of a province's stack (the counts above at list prices; staff MAUs assumed):`,
    '',
    table(['Item', 'Quantity', 'List price', 'USD / month'], fixedRows, ['left', 'right', 'left', 'right']),
    '',
    `**A province of Thái Bình's size**: ${qty(f.assumptions.dossiersPerYear)} dossiers a year, ${Math.round(f.assumptions.onTheSpotShare * 100)} % on-the-spot (${qty(p.dossiers.onTheSpot)}) and ${Math.round((1 - f.assumptions.onTheSpotShare) * 100)} % inter-agency (${qty(p.dossiers.interAgency)}): requests $${usd(p.requestUsd)}, storage $${usd(p.storageUsd)} (first year's average), fixed $${usd(p.fixedUsd)} — **$${usd(p.totalUsd)} a year, ${vnd(p.vndPerYear)} a year, ${vnd(p.vndPerDossier)} per dossier** at ${USD_TO_VND.rate.toLocaleString('en-US')} VND/USD (${USD_TO_VND.asOf}).`,
    '',
  ].join('\n');
}
