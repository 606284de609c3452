/**
 * A DynamoDB Streams record as the SDK returns it → the record a Lambda event source mapping hands
 * to the function (`DynamoDBStreamEvent.Records[n]`): plain JSON, the creation time in epoch
 * seconds, binary attributes in base64, the region of the function and the stream's ARN.
 */
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

export function toLambdaRecord(
  record: StreamRecord,
  context: { region: string; streamArn: string },
): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.region,
    dynamodb: dropUndefined({
      // Lambda sends whole seconds; the SDK has already turned the number into a Date.
      ApproximateCreationDateTime: created ? Math.floor(new Date(created).getTime() / 1000) : undefined,
      Keys: toJson(stream.Keys),
      NewImage: toJson(stream.NewImage),
      OldImage: toJson(stream.OldImage),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    }) as DynamoDBRecord['dynamodb'],
    eventSourceARN: context.streamArn,
    ...(record.userIdentity ? { userIdentity: { ...record.userIdentity } } : {}),
  } as DynamoDBRecord;
}

/** AttributeValues as JSON carries them: `B` and `BS` in base64, everything else as is. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- AttributeValue maps are recursive JSON
function toJson(value: unknown): any {
  if (value === undefined) return undefined;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, toJson(v)]])),
    );
  return value;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
