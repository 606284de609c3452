/**
 * The cost model's counts come from the run (issue 10 §4): one on-the-spot dossier's life on a
 * cloud of its own (the meter is per cloud, and the shared cloud's other tests would move it),
 * read from GET /_local/meter through the bench's own code (bench/cost.ts).
 */
import { ON_THE_SPOT, measureLife } from '../../bench/cost';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

let cloud: CloudHandle;

beforeAll(async () => {
  cloud = await startCloudProcess();
}, 90_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

describe('the cost model meter (integration)', () => {
  it('counts the DynamoDB units, requests and transitions of one dossier life, each unit answered by DynamoDB', async () => {
    const life = await measureLife(cloud, ON_THE_SPOT);
    const { dynamodb } = life.snapshot;
    // Units are what DynamoDB Local answered in ConsumedCapacity, call by call, nothing typed in.
    expect(dynamodb.readUnits).toBeGreaterThan(0);
    expect(dynamodb.writeUnits).toBeGreaterThan(0);
    const answered = dynamodb.consumed.reduce((sum, c) => sum + c.units, 0);
    expect(dynamodb.readUnits + dynamodb.writeUnits).toBeCloseTo(answered, 9);
    // Every billable call answered its capacity (the meter asked for it).
    const billable = Object.entries(dynamodb.calls)
      .filter(([op]) => op !== 'ListTables' && op !== 'DescribeTable')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(dynamodb.consumed).toHaveLength(billable);
    expect(life.counts.dynamodbReadUnits).toBe(dynamodb.readUnits);
    expect(life.counts.dynamodbWriteUnits).toBe(dynamodb.writeUnits);
    // The HTTP requests the life made, one Lambda call each: submit, two tracks, a read and an
    // action per step.
    expect(life.counts.apiRequests).toBe(1 + 2 + 2 * ON_THE_SPOT.steps.length);
    expect(life.snapshot.lambda.actOnDossier?.invocations).toBe(ON_THE_SPOT.steps.length);
    // The consumers ran: the outbox was dispatched and the deadline clock's machine moved.
    expect(life.snapshot.lambda.dispatchOutbox?.invocations).toBeGreaterThan(0);
    expect(life.counts.stepFunctionsTransitions).toBeGreaterThan(0);
    expect(life.counts.sqsRequests).toBeGreaterThan(0);
  }, 120_000);
});
