/**
 * `Idempotency-Key` for creating POSTs, on Powertools idempotency persisted in the main table.
 * The key is scoped by route, tenant and caller, so two clients that pick the same key never see
 * each other's answers; the body is validated, so the same key with another body is refused.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { TABLE_KEYS } from '../data/keys';
import { getDynamoClient } from './aws-clients';
import { ENV, numberEnv, requireEnv } from './env';

export interface IdempotentCall {
  route: string;
  tenant: string;
  caller: string;
  key: string;
  body: unknown;
}

/**
 * One store per tenant: its records live under `TENANT#<t>#IDEMPOTENCY`, so every key begins
 * with the tenant and no single partition takes every province's retries.
 */
function persistenceStore(tenant: string): DynamoDBPersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName: requireEnv(ENV.tableName),
    keyAttr: TABLE_KEYS.partitionKey,
    sortKeyAttr: TABLE_KEYS.sortKey,
    expiryAttr: TABLE_KEYS.ttl,
    staticPkValue: `TENANT#${tenant}#IDEMPOTENCY`,
    awsSdkV3Client: getDynamoClient(),
  });
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Wraps `run` so that a retried call with the same key returns the first stored answer. Only the
 * first argument is hashed and validated; `context` is passed through untouched.
 */
export function idempotent<C, R>(
  routeId: string,
  run: (call: IdempotentCall, context: C) => Promise<R>,
): (call: IdempotentCall, context: C, lambdaContext: Context) => Promise<R> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[route, tenant, caller, key]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: numberEnv(ENV.idempotencyTtlSeconds, 24 * 3600),
  });
  const byTenant = new Map<string, (call: IdempotentCall, context: C) => Promise<R>>();
  return (call, context, lambdaContext) => {
    // With the invocation's remaining time, a request cut off by the Lambda timeout leaves an
    // "in progress" record that expires with it, instead of blocking retries for the whole TTL.
    config.registerLambdaContext(lambdaContext);
    let wrapped = byTenant.get(call.tenant);
    if (!wrapped) {
      wrapped = makeIdempotent(run as (call: IdempotentCall, context: unknown) => Promise<R>, {
        persistenceStore: persistenceStore(call.tenant),
        config,
        keyPrefix: `idem#${routeId}`,
        dataIndexArgument: 0,
      });
      byTenant.set(call.tenant, wrapped);
    }
    return wrapped(call, context);
  };
}
