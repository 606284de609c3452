/**
 * The report counters (issue 12 §3) and each dossier's report state.
 *
 *   counter        PK TENANT#<t>#REPORT#<level>    SK <period>#<agency>#<field>#<procedure>
 *   report state   PK TENANT#<t>#DOSSIER#<code>     SK REPORT#STATE
 *
 * One counter item per (level, period, cell): day, month, quarter and year are kept as their own
 * counters and all four are ADDed in the same transaction as the event, so a year report reads one
 * item per cell, not 365. A level's periods sort as strings in time order, so a range of periods is
 * one Query of one partition. The report state (./../domain/reports/count.ts) is put in that same
 * transaction on the condition that it is still the version read, with the event's id in its
 * `counted` list: a redelivered event finds its id and changes nothing, and two events of one
 * dossier counted at once cannot both win. Items per transaction: the state plus at most 3 day
 * increments × 4 levels = 13, far below DynamoDB's 100.
 *
 * Plain DocumentClient commands rather than entities: a counter's attributes are the figures,
 * added to by name, which is what UpdateExpression ADD does and an entity schema does not model.
 */
import {
  QueryCommand,
  TransactWriteCommand,
  GetCommand,
  ScanCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  cellId,
  cellOfId,
  FLOW_FIGURES,
  periodsOfDay,
  PERIOD_LEVELS,
  type DossierReportState,
  type Flows,
  type Increment,
  type PeriodLevel,
} from '../domain/reports';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { dossierPk, tenantPk } from './table';
import { cancellationCodes } from './transactions';
import { counterAdds } from './counter-adds';

const tableName = () => requireEnv(ENV.tableName);
export const REPORT_STATE_SK = 'REPORT#STATE';
export const counterPk = (tenant: string, level: PeriodLevel) => `${tenantPk(tenant)}#REPORT#${level}`;
export const counterSk = (period: string, cell: string) => `${period}#${cell}`;

export interface StoredReportState extends DossierReportState {
  version: number;
}

export async function getReportState(tenant: string, code: string): Promise<StoredReportState> {
  const { Item } = await getDocumentClient().send(
    new GetCommand({
      TableName: tableName(),
      Key: { PK: dossierPk(tenant, code), SK: REPORT_STATE_SK },
      ConsistentRead: true,
    }),
  );
  return Item
    ? {
        counted: Item.counted,
        overdueDueAt: Item.overdueDueAt,
        closedAt: Item.closedAt,
        version: Item.version,
      }
    : { counted: [], version: 0 };
}

/** Day increments spread to their four levels, merged per counter item, zeros dropped. */
export function counterUpdates(
  increments: readonly Increment[],
): Map<string, { level: PeriodLevel; period: string; cell: string; flows: Flows }> {
  const out = new Map<string, { level: PeriodLevel; period: string; cell: string; flows: Flows }>();
  for (const inc of increments) {
    const periods = periodsOfDay(inc.day);
    for (const level of PERIOD_LEVELS) {
      const cell = cellId(inc.cell);
      const key = `${level}|${periods[level]}|${cell}`;
      const u = out.get(key) ?? { level, period: periods[level], cell, flows: {} };
      for (const [k, v] of Object.entries(inc.flows) as Array<[keyof Flows, number]>)
        u.flows[k] = (u.flows[k] ?? 0) + v;
      out.set(key, u);
    }
  }
  for (const [key, u] of out) {
    for (const k of Object.keys(u.flows) as Array<keyof Flows>) if (u.flows[k] === 0) delete u.flows[k];
    if (Object.keys(u.flows).length === 0) out.delete(key);
  }
  return out;
}

/**
 * Writes the new state and the counters in one transaction. False when the state changed since it
 * was read (another event of the dossier won): the caller reads again and recounts.
 */
export async function commitCount(
  tenant: string,
  code: string,
  read: StoredReportState,
  next: DossierReportState,
  increments: readonly Increment[],
): Promise<boolean> {
  const updates = [...counterUpdates(increments).values()].map((u) => {
    const adds = counterAdds(u.flows);
    const { agency, field, procedure } = cellOfId(u.cell);
    return {
      Update: {
        TableName: tableName(),
        Key: { PK: counterPk(tenant, u.level), SK: counterSk(u.period, u.cell) },
        UpdateExpression: `SET #period = :period, #agency = :agency, #field = :field, #procedure = :procedure ADD ${adds.clause}`,
        ExpressionAttributeNames: {
          ...adds.names,
          '#period': 'period',
          '#agency': 'agency',
          '#field': 'field',
          '#procedure': 'procedure',
        },
        ExpressionAttributeValues: {
          ...adds.values,
          ':period': u.period,
          ':agency': agency,
          ':field': field,
          ':procedure': procedure,
        },
      },
    };
  });
  try {
    await getDocumentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                PK: dossierPk(tenant, code),
                SK: REPORT_STATE_SK,
                _et: 'ReportState',
                ...next,
                version: read.version + 1,
              },
              ConditionExpression: read.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
              ...(read.version === 0 ? {} : { ExpressionAttributeValues: { ':v': read.version } }),
            },
          },
          ...updates,
        ],
      }),
    );
    return true;
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes && (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')))
      return false;
    throw error;
  }
}

export interface CounterItem {
  period: string;
  cell: string;
  flows: Flows;
}

const toCounter = (item: Record<string, unknown>): CounterItem => ({
  period: item.period as string,
  cell: `${item.agency as string}#${item.field as string}#${item.procedure as string}`,
  flows: Object.fromEntries(FLOW_FIGURES.filter((f) => typeof item[f] === 'number').map((f) => [f, item[f]])),
});

/**
 * The counters of one level with `from ≤ period ≤ to` (a Query of one partition, page by page),
 * or, with `before`, every period before `from`. Returns the items and the read units consumed.
 */
export async function readCounters(
  tenant: string,
  level: PeriodLevel,
  range: { from?: string; to?: string },
): Promise<{ items: CounterItem[]; readUnits: number }> {
  const items: CounterItem[] = [];
  let readUnits = 0;
  let start: Record<string, unknown> | undefined;
  // `~` sorts after every character of a cell id, so `<to>#~` closes the range after `to`'s cells.
  const lo = range.from ?? '0';
  const hi = `${range.to ?? '9999'}#~`;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': counterPk(tenant, level), ':lo': lo, ':hi': hi },
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []).map(toCounter));
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, readUnits };
}

/** Every counter of a tenant (the drift check compares them all). */
export async function allCounters(tenant: string): Promise<Array<CounterItem & { level: PeriodLevel }>> {
  const out: Array<CounterItem & { level: PeriodLevel }> = [];
  for (const level of PERIOD_LEVELS)
    out.push(...(await readCounters(tenant, level, {})).items.map((c) => ({ ...c, level })));
  return out;
}

/** Sets a counter item's flows exactly (the rebuild's repair; zero flows remove nothing, they are 0). */
export async function putCounter(tenant: string, level: PeriodLevel, c: CounterItem): Promise<void> {
  const { agency, field, procedure } = cellOfId(c.cell);
  await getDocumentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        PK: counterPk(tenant, level),
        SK: counterSk(c.period, c.cell),
        period: c.period,
        agency,
        field,
        procedure,
        ...c.flows,
      },
    }),
  );
}

/**
 * The tenant's dossiers, for the rebuild only: a Scan filtered by the tenant's dossier keys. The
 * one Scan in the system, in an operator's tool, never on a request path (docs/reports.md).
 */
export async function* scanDossierItems(tenant: string): AsyncGenerator<Record<string, unknown>> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(PK, :pk) AND (SK = :d OR begins_with(SK, :m))',
        ExpressionAttributeValues: { ':pk': `${tenantPk(tenant)}#DOSSIER#`, ':d': '#DOSSIER', ':m': 'MARK#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) yield item;
    start = page.LastEvaluatedKey;
  } while (start);
}
