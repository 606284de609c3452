/**
 * What a province enters for the service index (issue 12 §4), one item per period:
 *
 *   PK TENANT#<t>#REPORT#INPUTS    SK <level>#<period>
 *
 * Beside the report counters' partitions (TENANT#<t>#REPORT#<level>) but never one of them: the
 * counters' readers query a level's own partition only. The last entry wins; who entered it and
 * from which document travel with it (the index shows them next to its points).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceIndexInputs } from '../domain/reports';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { tenantPk } from './table';

export interface StoredInputs {
  period: 'month' | 'quarter' | 'year';
  from: string;
  inputs: ServiceIndexInputs;
  source: { documentRef: string; note?: string; enteredBy: string; enteredAt: string };
}

const key = (tenant: string, level: string, period: string) => ({
  PK: `${tenantPk(tenant)}#REPORT#INPUTS`,
  SK: `${level}#${period}`,
});

export async function getServiceIndexInputs(
  tenant: string,
  level: string,
  period: string,
): Promise<StoredInputs | undefined> {
  const { Item } = await getDocumentClient().send(
    new GetCommand({ TableName: requireEnv(ENV.tableName), Key: key(tenant, level, period) }),
  );
  if (!Item) return undefined;
  return { period: Item.period, from: Item.from, inputs: Item.inputs, source: Item.source };
}

export async function putServiceIndexInputs(tenant: string, stored: StoredInputs): Promise<void> {
  await getDocumentClient().send(
    new PutCommand({
      TableName: requireEnv(ENV.tableName),
      Item: { ...key(tenant, stored.period, stored.from), _et: 'ServiceIndexInputs', ...stored },
    }),
  );
}
