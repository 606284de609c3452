/**
 * The cost model's arithmetic (bench/cost-model.ts): counts come from the meter reading, not from
 * constants, and each priced line is exactly quantity × list price.
 */
import type { MeterSnapshot } from '../../../infra/local/meter';
import { countsOf, pricedLines, provinceYear, totalUsd, type FunctionFacts } from '../../../bench/cost-model';
import { PRICES, USD_TO_VND, costUsd } from '../../../bench/prices';

const facts: FunctionFacts = {
  memoryMbOf: (id) => (id === 'countReports' ? 256 : 512),
  isRoute: (id) => id === 'submitDossier',
  isQueueConsumer: (id) => id === 'countReports',
};

const snapshot = (over: Partial<MeterSnapshot> = {}): MeterSnapshot => ({
  since: '2026-12-01T00:00:00.000Z',
  lambda: {
    submitDossier: { invocations: 2, billedMs: 1000 },
    countReports: { invocations: 3, billedMs: 2000 },
  },
  dynamodb: {
    calls: { GetItem: 2, TransactWriteItems: 1 },
    readUnits: 1.5,
    writeUnits: 6,
    consumed: [],
  },
  s3: { requests: { PUT: 2, GET: 3, DELETE: 1 }, bytesIn: 2048 },
  sqs: { SendMessageBatch: 4 },
  stepFunctions: { calls: { StartExecution: 1 }, stateTransitions: 5 },
  ses: { SendEmail: 1 },
  sns: { Publish: 2 },
  ...over,
});

describe('cost model', () => {
  it('turns a meter reading into billable counts', () => {
    const c = countsOf({ snapshot: snapshot(), logBytes: 1000 }, facts);
    expect(c).toEqual({
      lambdaRequests: 5,
      // 1 s at 0.5 GB + 2 s at 0.25 GB
      lambdaGbSeconds: 1,
      apiRequests: 2,
      dynamodbReadUnits: 1.5,
      dynamodbWriteUnits: 6,
      stepFunctionsTransitions: 5,
      // DELETE is free
      s3WriteRequests: 2,
      s3ReadRequests: 3,
      s3Bytes: 2048,
      // 4 sends + 3 consumer batches × (receive + delete)
      sqsRequests: 10,
      sesEmails: 1,
      smsMessages: 2,
      logBytes: 1000 + 5 * 300,
    });
  });

  it('prices each line as quantity × list price, and counts that change change the cost', () => {
    const c = countsOf({ snapshot: snapshot(), logBytes: 0 }, facts);
    const lines = pricedLines(c);
    for (const l of lines)
      expect(l.usd).toBeCloseTo((l.quantity / PRICES[l.price].per) * PRICES[l.price].usd, 15);
    const writes = lines.find((l) => l.price === 'dynamodbWriteUnit')!;
    expect(writes.usd).toBeCloseTo(6 * 0.625e-6, 15);
    const more = pricedLines(
      countsOf(
        {
          snapshot: snapshot({ dynamodb: { calls: {}, readUnits: 1.5, writeUnits: 12, consumed: [] } }),
          logBytes: 0,
        },
        facts,
      ),
    );
    expect(totalUsd(more) - totalUsd(lines)).toBeCloseTo(6 * 0.625e-6, 15);
  });

  it('adds a year of a province: requests by the mix, storage averaged over the year, fixed × 12', () => {
    const onTheSpot = countsOf({ snapshot: snapshot(), logBytes: 0 }, facts);
    const interAgency = { ...onTheSpot, dynamodbWriteUnits: 20, s3Bytes: 0 };
    const year = provinceYear(
      { onTheSpot, interAgency },
      {
        dossiersPerYear: 1000,
        onTheSpotShare: 0.7,
        dynamodbBytesPerDossier: 0,
        fixed: [{ item: 'dashboard', quantity: 1, price: 'dashboard' }],
        logRetentionMonths: 12,
      },
    );
    expect(year.dossiers).toEqual({ onTheSpot: 700, interAgency: 300 });
    expect(year.requestUsd).toBeCloseTo(
      700 * totalUsd(pricedLines(onTheSpot)) + 300 * totalUsd(pricedLines(interAgency)),
      12,
    );
    expect(year.fixedUsd).toBeCloseTo(36, 12);
    const s3GbMonths = ((700 * 2048) / 1024 ** 3 / 2) * 12;
    const logGbMonths = ((1000 * onTheSpot.logBytes) / 1024 ** 3 / 2) * 12;
    expect(year.storageUsd).toBeCloseTo(
      costUsd(PRICES.s3Storage, s3GbMonths) + costUsd(PRICES.logsStorage, logGbMonths),
      12,
    );
    expect(year.vndPerYear).toBeCloseTo(year.totalUsd * USD_TO_VND.rate, 6);
    expect(year.vndPerDossier).toBeCloseTo(year.vndPerYear / 1000, 6);
  });
});
