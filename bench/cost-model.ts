/**
 * The cost model's arithmetic (issue 10 §4), pure: the offline cloud's meter reading of one
 * dossier's life (infra/local/meter.ts) → billable counts → priced lines, and a province's year from
 * those lines. Counts and prices stay separate until the last multiplication, so the report shows
 * both. What is counted and what is modelled is said line by line (`basis`).
 */
import type { MeterSnapshot } from '../infra/local/meter';
import { costUsd, PRICES, USD_TO_VND, type PriceId } from './prices';

/** Billable quantities of one measured run, each with where it comes from. */
export interface Counts {
  lambdaRequests: number;
  lambdaGbSeconds: number;
  apiRequests: number;
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  stepFunctionsTransitions: number;
  s3WriteRequests: number;
  s3ReadRequests: number;
  /** Bytes stored in S3 (PUT/POST bodies). */
  s3Bytes: number;
  sqsRequests: number;
  sesEmails: number;
  /** SMS sent through SNS: counted, not priced (per-country carrier prices, docs/cost.md). */
  smsMessages: number;
  /** Bytes the functions wrote to their logs (CloudWatch Logs ingestion). */
  logBytes: number;
}

export interface MeasuredRun {
  snapshot: MeterSnapshot;
  /** Growth of the cloud's stdout log during the run: what the functions logged. */
  logBytes: number;
}

/** What the model needs to know of the deployed functions. */
export interface FunctionFacts {
  /** Memory of each function by id (routes and function table entries). */
  memoryMbOf(id: string): number;
  isRoute(id: string): boolean;
  /** Function table entries fed by an SQS queue (their event source mapping polls it). */
  isQueueConsumer(id: string): boolean;
}

/**
 * Lambda's own lines per invocation (START, END, REPORT), which the function's log does not show
 * offline: about 300 bytes, modelled.
 */
export const PLATFORM_LOG_BYTES_PER_INVOCATION = 300;
/**
 * An event source mapping's requests per batch it hands a function: the ReceiveMessage that
 * returned it and the DeleteMessageBatch after it (modelled from the counted invocations; the idle
 * long polls between batches are a fixed monthly cost, below).
 */
export const SQS_REQUESTS_PER_CONSUMER_BATCH = 2;

export function countsOf(run: MeasuredRun, facts: FunctionFacts): Counts {
  const { snapshot: s } = run;
  let lambdaRequests = 0;
  let gbSeconds = 0;
  let apiRequests = 0;
  let consumerBatches = 0;
  for (const [id, f] of Object.entries(s.lambda)) {
    lambdaRequests += f.invocations;
    gbSeconds += (f.billedMs / 1000) * (facts.memoryMbOf(id) / 1024);
    if (facts.isRoute(id)) apiRequests += f.invocations;
    if (facts.isQueueConsumer(id)) consumerBatches += f.invocations;
  }
  const req = s.s3.requests;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    lambdaRequests,
    lambdaGbSeconds: gbSeconds,
    apiRequests,
    dynamodbReadUnits: s.dynamodb.readUnits,
    dynamodbWriteUnits: s.dynamodb.writeUnits,
    stepFunctionsTransitions: s.stepFunctions.stateTransitions,
    // DELETE requests are free in S3; LIST is a GET on the bucket, billed as a write-class request
    // but the functions never list.
    s3WriteRequests: (req.PUT ?? 0) + (req.POST ?? 0),
    s3ReadRequests: (req.GET ?? 0) + (req.HEAD ?? 0),
    s3Bytes: s.s3.bytesIn,
    sqsRequests: sum(s.sqs) + consumerBatches * SQS_REQUESTS_PER_CONSUMER_BATCH,
    sesEmails: s.ses.SendEmail ?? 0,
    smsMessages: s.sns.Publish ?? 0,
    logBytes: run.logBytes + lambdaRequests * PLATFORM_LOG_BYTES_PER_INVOCATION,
  };
}

export interface PricedLine {
  item: string;
  quantity: number;
  price: PriceId;
  usd: number;
}

const GB = 1024 ** 3;

/** The per-request lines of one run (storage is priced over time, in `provinceYear`). */
export function pricedLines(c: Counts): PricedLine[] {
  const line = (item: string, quantity: number, price: PriceId): PricedLine => ({
    item,
    quantity,
    price,
    usd: costUsd(PRICES[price], quantity),
  });
  return [
    line('Lambda requests', c.lambdaRequests, 'lambdaRequest'),
    line('Lambda duration (GB-s)', c.lambdaGbSeconds, 'lambdaArmGbSecond'),
    line('API Gateway requests', c.apiRequests, 'apiGatewayRequest'),
    line('DynamoDB read units', c.dynamodbReadUnits, 'dynamodbReadUnit'),
    line('DynamoDB write units', c.dynamodbWriteUnits, 'dynamodbWriteUnit'),
    line('Step Functions transitions', c.stepFunctionsTransitions, 'stepFunctionsTransition'),
    line('S3 PUT/POST requests', c.s3WriteRequests, 's3WriteRequest'),
    line('S3 GET/HEAD requests', c.s3ReadRequests, 's3ReadRequest'),
    line('SQS requests', c.sqsRequests, 'sqsRequest'),
    line('SES e-mails', c.sesEmails, 'sesEmail'),
    line('CloudWatch Logs ingested (GB)', c.logBytes / GB, 'logsIngestion'),
  ];
}

export const totalUsd = (lines: readonly PricedLine[]): number => lines.reduce((a, l) => a + l.usd, 0);

/** Costs that do not grow with dossiers, per month, as quantities of a price. */
export interface FixedMonthly {
  item: string;
  quantity: number;
  price: PriceId;
}

export interface ProvinceAssumptions {
  dossiersPerYear: number;
  /** Share of dossiers whose life is like the on-the-spot one measured; the rest like the inter-agency one. */
  onTheSpotShare: number;
  /** Bytes of DynamoDB items one dossier leaves behind (measured: table size growth). */
  dynamodbBytesPerDossier: number;
  fixed: readonly FixedMonthly[];
  /** Log retention in months (what is stored at the year's end is kept that long). */
  logRetentionMonths: number;
}

export interface ProvinceYear {
  dossiers: { onTheSpot: number; interAgency: number };
  requestUsd: number;
  storageUsd: number;
  fixedUsd: number;
  totalUsd: number;
  usdPerDossier: number;
  vndPerDossier: number;
  vndPerYear: number;
}

/**
 * One year of a province. Storage grows through the year from empty: dossiers arrive evenly, so the
 * year's average stored volume is half of what is stored at its end (an integral of a straight
 * line), paid for 12 months. Later years pay for the years before them as well; docs/cost.md shows
 * that this stays small.
 */
export function provinceYear(
  perDossier: { onTheSpot: Counts; interAgency: Counts },
  a: ProvinceAssumptions,
): ProvinceYear {
  const onTheSpot = Math.round(a.dossiersPerYear * a.onTheSpotShare);
  const interAgency = a.dossiersPerYear - onTheSpot;
  const requestUsd =
    onTheSpot * totalUsd(pricedLines(perDossier.onTheSpot)) +
    interAgency * totalUsd(pricedLines(perDossier.interAgency));
  const s3Bytes = onTheSpot * perDossier.onTheSpot.s3Bytes + interAgency * perDossier.interAgency.s3Bytes;
  const logBytes = onTheSpot * perDossier.onTheSpot.logBytes + interAgency * perDossier.interAgency.logBytes;
  const dynamoBytes = a.dossiersPerYear * a.dynamodbBytesPerDossier;
  const averageGbMonths = (bytes: number) => (bytes / GB / 2) * 12;
  const storageUsd =
    costUsd(PRICES.s3Storage, averageGbMonths(s3Bytes)) +
    costUsd(PRICES.dynamodbStorage, averageGbMonths(dynamoBytes)) +
    costUsd(PRICES.logsStorage, averageGbMonths(Math.min(1, a.logRetentionMonths / 12) * logBytes));
  const fixedUsd = 12 * a.fixed.reduce((sum, f) => sum + costUsd(PRICES[f.price], f.quantity), 0);
  const total = requestUsd + storageUsd + fixedUsd;
  return {
    dossiers: { onTheSpot, interAgency },
    requestUsd,
    storageUsd,
    fixedUsd,
    totalUsd: total,
    usdPerDossier: total / a.dossiersPerYear,
    vndPerDossier: (total / a.dossiersPerYear) * USD_TO_VND.rate,
    vndPerYear: total * USD_TO_VND.rate,
  };
}
