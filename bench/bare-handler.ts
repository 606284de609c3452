/**
 * The yardstick for bundle size and cold import: the least a DynamoDB-backed Lambda function can
 * be. It creates its client at module scope, as every real handler here does (see
 * shared/platform/aws-clients.ts), so its init pays the SDK's load and nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (): Promise<{ statusCode: number; body: string }> => ({
  statusCode: 200,
  // Referenced so no bundler can drop the client as unused.
  body: typeof client.send,
});
