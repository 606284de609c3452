/**
 * A Lambda handler for gateway tests: it answers with the event and context it received, so a test
 * can check what the offline gateway builds. Headers steer it to exercise the response paths.
 */
import type { Context } from 'aws-lambda';
import { clock } from '../../../shared/platform/clock';

export async function handler(
  event: { headers: Record<string, string> },
  context: Context,
): Promise<unknown> {
  const mode = event.headers['x-echo-mode'];
  if (mode === 'throw') throw new Error('echo handler was told to fail');
  if (mode === 'bare') return { answer: 42 };
  if (mode === 'binary')
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      isBase64Encoded: true,
    };
  if (mode === 'bad-status') return { statusCode: 'two hundred' };
  if (mode === 'bad-header') return { statusCode: 200, headers: { 'x-broken': 'line\nbreak' }, body: '' };
  return {
    statusCode: 201,
    headers: { 'content-type': 'application/json', 'x-echo': 'yes' },
    cookies: ['session=abc; HttpOnly', 'theme=dark'],
    body: JSON.stringify({
      event,
      context: {
        functionName: context.functionName,
        awsRequestId: context.awsRequestId,
        invokedFunctionArn: context.invokedFunctionArn,
        remainingMs: context.getRemainingTimeInMillis(),
      },
      domainNow: clock.now().toISOString(),
    }),
  };
}
