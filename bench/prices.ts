/**
 * AWS list prices the cost model (./cost.ts) multiplies the measured counts by. Kept apart from the
 * counts on purpose: the report prints both, so a reader can redo the products with other prices.
 *
 * Region: US East (N. Virginia), us-east-1, on-demand list prices without free tier, as published
 * on each service's pricing page (URLs below). Asia Pacific (Singapore), the region closest to
 * Vietnam, lists most of these 10–25 % higher; docs/cost.md says how to redo the figures for it.
 * The prices were written down from the pricing pages as of 2025 (after DynamoDB's on-demand price
 * cut of 1 November 2024); they were not re-read on the day of the run: check them before quoting.
 */
export const PRICE_REGION = 'us-east-1';
export const PRICES_AS_OF = '2025 (pricing pages; DynamoDB after the 1 Nov 2024 on-demand cut)';

export interface Price {
  /** USD per `per` units of `unit`. */
  readonly usd: number;
  readonly per: number;
  readonly unit: string;
  readonly source: string;
}

export const PRICES = {
  lambdaRequest: {
    usd: 0.2,
    per: 1e6,
    unit: 'requests',
    source: 'https://aws.amazon.com/lambda/pricing/',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 1,
    unit: 'GB-second (arm64)',
    source: 'https://aws.amazon.com/lambda/pricing/',
  },
  dynamodbWriteUnit: {
    usd: 0.625,
    per: 1e6,
    unit: 'write request units (on-demand)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  },
  dynamodbReadUnit: {
    usd: 0.125,
    per: 1e6,
    unit: 'read request units (on-demand)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  },
  dynamodbStorage: {
    usd: 0.25,
    per: 1,
    unit: 'GB-month (Standard table class)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  },
  stepFunctionsTransition: {
    usd: 0.025,
    per: 1000,
    unit: 'state transitions (Standard)',
    source: 'https://aws.amazon.com/step-functions/pricing/',
  },
  s3WriteRequest: {
    usd: 0.005,
    per: 1000,
    unit: 'PUT, COPY, POST, LIST requests',
    source: 'https://aws.amazon.com/s3/pricing/',
  },
  s3ReadRequest: {
    usd: 0.0004,
    per: 1000,
    unit: 'GET, HEAD and other requests',
    source: 'https://aws.amazon.com/s3/pricing/',
  },
  s3Storage: {
    usd: 0.023,
    per: 1,
    unit: 'GB-month (S3 Standard, first 50 TB)',
    source: 'https://aws.amazon.com/s3/pricing/',
  },
  apiGatewayRequest: {
    usd: 1.0,
    per: 1e6,
    unit: 'HTTP API requests (first 300 million)',
    source: 'https://aws.amazon.com/api-gateway/pricing/',
  },
  sqsRequest: {
    usd: 0.4,
    per: 1e6,
    unit: 'standard queue requests (64 KB chunks)',
    source: 'https://aws.amazon.com/sqs/pricing/',
  },
  sesEmail: {
    usd: 0.1,
    per: 1000,
    unit: 'e-mails sent',
    source: 'https://aws.amazon.com/ses/pricing/',
  },
  logsIngestion: {
    usd: 0.5,
    per: 1,
    unit: 'GB of CloudWatch Logs ingested',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  logsStorage: {
    usd: 0.03,
    per: 1,
    unit: 'GB-month of CloudWatch Logs stored',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  alarm: {
    usd: 0.1,
    per: 1,
    unit: 'standard-resolution alarm-month',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  dashboard: {
    usd: 3,
    per: 1,
    unit: 'dashboard-month',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  kmsKey: {
    usd: 1,
    per: 1,
    unit: 'customer managed key-month',
    source: 'https://aws.amazon.com/kms/pricing/',
  },
  // The Plus feature plan (threat protection) has no free tier; Lite and Essentials have 10,000
  // MAUs free a month (./cost.ts prices those at 0 below it).
  cognitoPlusMau: {
    usd: 0.02,
    per: 1,
    unit: 'monthly active user (Cognito Plus plan)',
    source: 'https://aws.amazon.com/cognito/pricing/',
  },
  cognitoEssentialsMau: {
    usd: 0.015,
    per: 1,
    unit: 'monthly active user above the free 10,000 (Cognito Essentials plan)',
    source: 'https://aws.amazon.com/cognito/pricing/',
  },
} as const satisfies Record<string, Price>;
export type PriceId = keyof typeof PRICES;

/** USD of `quantity` units at `price`. */
export const costUsd = (price: Price, quantity: number): number => (quantity / price.per) * price.usd;

/**
 * The exchange rate for VND figures: Vietcombank's USD selling rate, rounded; an assumption to
 * update, stated beside every VND figure.
 */
export const USD_TO_VND = { rate: 26_300, asOf: 'Vietcombank USD selling rate, rounded, late 2025' } as const;
