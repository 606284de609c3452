/**
 * Makes an acknowledged DynamoDB Local transaction survive a `kill -9`, as it would in DynamoDB.
 *
 * DynamoDB Local 3.3.1 answers TransactWriteItems before the transaction is on disk: its
 * `SQLiteDBAccess.commitTransaction` puts the COMMIT on its single SQLite job queue and returns
 * without waiting for it, and the answer goes out. For the few milliseconds until that job runs,
 * the transaction lives only in memory; a SIGKILL then loses it whole (measured: the last of 30
 * transactions lost in most runs when the JVM was killed right after its answer). A handler that
 * answered 201 for it would have lied: after a restart the dossier, and its Idempotency-Key, are gone.
 *
 * The queue runs its jobs one at a time, in order, so any later request that goes through it returns
 * only after the commit ran; ListTables with Limit 1 is the cheapest such request (0 of 6 runs lost
 * with it). This middleware on the handlers' client sends one after each successful
 * TransactWriteItems, before the handler sees the answer. The handlers' code is untouched: in AWS
 * an acknowledged transaction is durable and nothing needs waiting for.
 */
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { asCloud } from './function-env';

const TRANSACT_WRITE = /\.TransactWriteItems$/;

/**
 * `barrier`: the client the ListTables goes through, the cloud's own by default. A tenant's client
 * (shared/platform/aws-clients.ts) signs with its session's keys, which the cloud's call neither
 * has nor needs: it passes its base client.
 */
export function awaitTransactionCommits(client: DynamoDBClient, barrier: DynamoDBClient = client): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      // At the build step the request is serialized: the JSON protocol names the operation here,
      // for the document client's TransactWriteCommand as for TransactWriteItemsCommand.
      const target = (args.request as { headers?: Record<string, string> }).headers?.['x-amz-target'];
      // The cloud's call, not the function's: the access guard does not check it.
      if (target && TRANSACT_WRITE.test(target))
        await asCloud(() => barrier.send(new ListTablesCommand({ Limit: 1 })));
      return result;
    },
    { step: 'build', name: 'awaitDynamoDbLocalCommit' },
  );
}
