/**
 * The floor of the prescribed stack (issue 14): the least any HTTP route built on this project's
 * libraries carries, with none of our own code. A middy handler with Powertools' logger and
 * metrics, one dynamodb-toolbox entity read and written through the document client, and one
 * zod/mini schema parsed: what the guide prescribes (AWS SDK v3, middy, dynamodb-toolbox v2,
 * Powertools, zod) at its smallest. No validation messages, no problem responses, no tenancy, no
 * sealing, no idempotency, no audit: every real route carries more.
 *
 * Compared with the bare DynamoDB handler it says how much of the 1.3× headroom (≈ 97 KB) the
 * libraries alone use before a route adds anything of its own.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox/table';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import * as z from 'zod/mini';

const logger = new Logger({ serviceName: 'floor' });
const metrics = new Metrics({ namespace: 'floor', serviceName: 'floor' });
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const table = new Table({
  name: () => process.env.TABLE_NAME ?? 'table',
  partitionKey: { name: 'PK', type: 'string' },
  sortKey: { name: 'SK', type: 'string' },
  documentClient,
});

const NoteEntity = new Entity({
  name: 'Note',
  table,
  schema: item({ pk: string().key().savedAs('PK'), sk: string().key().savedAs('SK'), text: string() }),
});

const params = z.object({ code: z.string().check(z.minLength(1)) });

interface Event {
  pathParameters?: Record<string, string | undefined>;
}

export const handler = middy(async (event: Event) => {
  const parsed = z.safeParse(params, event.pathParameters ?? {});
  if (!parsed.success) return { statusCode: 400, body: 'bad request' };
  const key = { pk: parsed.data.code, sk: '#NOTE' };
  const { Item } = await NoteEntity.build(GetItemCommand).key(key).send();
  if (!Item)
    await NoteEntity.build(PutItemCommand)
      .item({ ...key, text: 'new' })
      .send();
  metrics.addMetric('Notes', 'Count', 1);
  return { statusCode: 200, body: Item?.text ?? 'new' };
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
