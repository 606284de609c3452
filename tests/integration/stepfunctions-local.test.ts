/**
 * The offline Step Functions endpoint through the AWS SDK, as the functions call it, on the shared
 * cloud (its executions are named after dossiers of their own, and nothing here moves the clock):
 * executions of the deadline clock start, run the real check function, can be described, listed
 * and stopped, and the service answers with the errors the SDK models.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { clockExecutionName, type DeadlineClockInput } from '../../shared/api/deadline-clock';
import { api } from './helpers/api';
import { sharedCloud, type ReadyInfo } from './helpers/offline';

const MACHINE = 'mot-cua-deadline-clock';
let cloud: ReadyInfo;
let sfn: SFNClient;
let stateMachineArn: string;

beforeAll(() => {
  cloud = sharedCloud();
  sfn = new SFNClient({
    endpoint: cloud.endpoints.sfn,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  stateMachineArn = cloud.stateMachines[MACHINE] as string;
});

afterAll(() => {
  sfn?.destroy();
});

/** The input exactly as start-clock sends it, so "same input" means the same text. */
const inputOf = (clock: DeadlineClockInput) =>
  JSON.stringify({ tenant: clock.tenant, code: clock.code, clockVersion: clock.clockVersion });

async function until<T>(probe: () => Promise<T | undefined>, what: string, withinMs = 15_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const describeExecution = (executionArn: string): Promise<DescribeExecutionCommandOutput> =>
  sfn.send(new DescribeExecutionCommand({ executionArn }));

describe('offline Step Functions (SDK)', () => {
  describe('StartExecution and DescribeExecution', () => {
    it('runs the deadline clock for a dossier that does not exist to SUCCEEDED, with the check output', async () => {
      const clock = { tenant: cloud.tenant, code: '000.00.00.H99-000000-0000', clockVersion: 1 };
      const started = await sfn.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: clockExecutionName(clock),
          input: inputOf(clock),
        }),
      );
      expect(started.executionArn).toBe(
        `arn:aws:states:ap-southeast-1:000000000000:execution:${MACHINE}:${clockExecutionName(clock)}`,
      );
      expect(started.startDate).toBeInstanceOf(Date);

      const done = await until(async () => {
        const d = await describeExecution(started.executionArn as string);
        return d.status === 'RUNNING' ? undefined : d;
      }, 'the execution to end');
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        name: clockExecutionName(clock),
        input: inputOf(clock),
      });
      expect(done.stopDate).toBeInstanceOf(Date);
      expect(JSON.parse(done.output as string)).toMatchObject({
        ...clock,
        check: { done: true, reason: 'missing' },
      });
    });

    it("keeps a received dossier's clock RUNNING, answers the same start again with it, and a conflicting one with ExecutionAlreadyExists", async () => {
      const created = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        body: {
          procedureCode: '1.004227',
          channel: 'counter',
          applicant: {
            name: 'Lê Văn Phúc',
            idNumber: '001088000444',
            phone: '0988000444',
            address: 'Xã Bình Thành',
          },
          request: 'Hồ sơ kiểm thử Step Functions',
          decision: { outcome: 'accept' },
        },
      });
      expect(created.status).toBe(201);
      const clock = {
        tenant: cloud.tenant,
        code: created.body.code as string,
        clockVersion: created.body.clockVersion as number,
      };
      const name = clockExecutionName(clock);

      // start-clock starts it from the outbox event, through the stream poller. The shared cloud
      // runs other tests' clocks too: one page of the largest size holds them all.
      const listed = await until(async () => {
        const page = await sfn.send(
          new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 1000 }),
        );
        return page.executions?.find((e) => e.name === name);
      }, `a RUNNING execution ${name}`);
      const executionArn = listed.executionArn as string;

      const again = await sfn.send(
        new StartExecutionCommand({ stateMachineArn, name, input: inputOf(clock) }),
      );
      expect(again.executionArn).toBe(executionArn);
      await expect(
        sfn.send(
          new StartExecutionCommand({ stateMachineArn, name, input: inputOf({ ...clock, code: 'other' }) }),
        ),
      ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
      expect(await describeExecution(executionArn)).toMatchObject({
        status: 'RUNNING',
        input: inputOf(clock),
      });

      await sfn.send(new StopExecutionCommand({ executionArn, error: 'Test', cause: 'stopped by the test' }));
      expect(await describeExecution(executionArn)).toMatchObject({
        status: 'ABORTED',
        error: 'Test',
        cause: 'stopped by the test',
      });
      await expect(
        sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: inputOf(clock) })),
      ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    });
  });

  describe('errors', () => {
    it('answers StateMachineDoesNotExist for an unknown state machine and ExecutionDoesNotExist for an unknown execution', async () => {
      const unknown = stateMachineArn.replace(MACHINE, 'no-such-machine');
      await expect(
        sfn.send(new StartExecutionCommand({ stateMachineArn: unknown, input: '{}' })),
      ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
      await expect(
        describeExecution(`arn:aws:states:ap-southeast-1:000000000000:execution:${MACHINE}:never-started`),
      ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    });
  });
});
