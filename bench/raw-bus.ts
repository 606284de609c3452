/**
 * The event bus's raw costs on the offline cloud, the floor under any delivery benchmark: one
 * stream read (GetRecords on DynamoDB Local's table stream, what the dispatcher's event source
 * mapping does per poll) and one SendMessageBatch of ten outbox-sized messages to the local SQS
 * (what the dispatcher does per queue and ten records). Sequential calls, one at a time: latency,
 * not throughput. The messages go to a dead-letter queue, which no function consumes.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { performance } from 'node:perf_hooks';
import { deadLetterName } from '../infra/local/sqs/queues';
import type { ReadyInfo } from '../infra/local/ready-line';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import { median, percentile } from './stats';

export interface BusFigure {
  name: string;
  calls: number;
  medianMs: number;
  p95Ms: number;
}

const summarise = (name: string, samples: number[]): BusFigure => ({
  name,
  calls: samples.length,
  medianMs: median(samples),
  p95Ms: percentile(samples, 95),
});

async function timed(calls: number, once: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await once(); // warm-up: connections, JIT
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** An outbox item as the dispatcher sends it, about 600 bytes. */
const sampleBody = (n: number) =>
  JSON.stringify({
    id: `2027-03-02T02:00:00.000Z#dossier.forwarded#${n}`,
    type: 'dossier.forwarded',
    occurredAt: '2027-03-02T02:00:00.000Z',
    tenant: 'demo',
    code: '000.30.01.H99-270302-0001',
    version: 3,
    payload: { status: 'processing', procedure: '1.004227', currentStep: 1, note: 'x'.repeat(300) },
  });

export async function rawBusCosts(info: ReadyInfo, calls = 200): Promise<BusFigure[]> {
  const credentials = LOCAL_CREDENTIALS;
  const streams = new DynamoDBStreamsClient({
    endpoint: info.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials,
  });
  const sqs = new SQSClient({ endpoint: info.endpoints.sqs, region: LOCAL_REGION, credentials });
  try {
    const { Streams } = await streams.send(new ListStreamsCommand({ TableName: info.tableName }));
    const streamArn = Streams?.[0]?.StreamArn as string;
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const shardId = described.StreamDescription?.Shards?.at(-1)?.ShardId as string;
    let iterator: string | undefined;
    const read = timed(calls, async () => {
      iterator ??= (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      iterator = page.NextShardIterator;
    });
    const getRecords = await read;
    const queueUrl = info.queues[deadLetterName('webhookEvents')] as string;
    let n = 0;
    const sendBatch = await timed(calls, () =>
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: sampleBody(n++) })),
        }),
      ),
    );
    return [
      summarise('GetRecords (DynamoDB Local stream, ≤100 records)', getRecords),
      summarise('SendMessageBatch (local SQS, 10 × ~600 B, durable write)', sendBatch),
    ];
  } finally {
    streams.destroy();
    sqs.destroy();
  }
}
