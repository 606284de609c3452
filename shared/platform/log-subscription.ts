/**
 * A CloudWatch Logs subscription's payload: `awslogs.data` is the batch as JSON, gzipped and
 * base64-encoded. CloudWatch Logs also sends a CONTROL_MESSAGE when it checks that it may deliver
 * to the function; it carries no log events.
 */
import { gunzipSync } from 'node:zlib';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';

export function decodeLogSubscription(event: CloudWatchLogsEvent): CloudWatchLogsDecodedData {
  const json = gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8');
  return JSON.parse(json) as CloudWatchLogsDecodedData;
}
