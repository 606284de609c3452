/**
 * The partition keys the entities and the raw-SDK repositories (usage counters, purges) build
 * items under. Plain functions without dynamodb-toolbox: a module that only needs a key does not
 * bundle the table or any entity (issue 14; the counters use lib-dynamodb alone).
 */
import { TENANT_REGISTRY_PARTITION } from '../platform/tenant-gate';
import { TABLE_KEYS } from './keys';

export const tenantPk = (tenant: string) => `TENANT#${tenant}`;
export const dossierPk = (tenant: string, code: string) => `TENANT#${tenant}#DOSSIER#${code}`;
/** An item's primary key as DynamoDB names it: where a page resumes (`ExclusiveStartKey`). */
export const primaryKey = (pk: string, sk: string) => ({
  [TABLE_KEYS.partitionKey]: pk,
  [TABLE_KEYS.sortKey]: sk,
});

export const queueKey = (tenant: string, agency: string, role: string) =>
  `TENANT#${tenant}#QUEUE#${agency}#${role}`;

export const webhooksPk = (tenant: string) => `TENANT#${tenant}#WEBHOOKS`;

/**
 * Where the operator's tenant list lives: one partition, a province per item (tens of items). The
 * key is the suspension gate's (shared/platform/tenant-gate.ts), which reads the status by it.
 */
export const TENANT_REGISTRY_PK = TENANT_REGISTRY_PARTITION;

export const deliveriesPk = (tenant: string, subscriptionId: string) =>
  `TENANT#${tenant}#WEBHOOK#${subscriptionId}`;

export const noticesPk = (tenant: string) => `TENANT#${tenant}#NOTICES`;
