/**
 * Starting a dossier's deadline clock against the offline Step Functions service: a repeated start
 * is a no-op, and a clock whose execution died is started again under a suffixed name (Step
 * Functions keeps a closed execution's name, so a plain restart would silently do nothing).
 */
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { clockExecutionName, DEADLINE_CLOCK } from '../../shared/api/deadline-clock';
import { acceptedLandTransfer } from './helpers/dossiers';
import { sharedCloud } from './helpers/offline';

const MACHINE = 'mot-cua-deadline-clock';

describe('usecases/start-clock (integration)', () => {
  const cloud = sharedCloud();
  const machineArn = cloud.stateMachines[MACHINE];
  const sfn = new SFNClient({
    endpoint: cloud.endpoints.sfn,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const executionArn = (name: string) => `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  const statusOf = async (name: string) =>
    (await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }))).status;

  let startClock: typeof import('../../shared/usecases/start-clock').startClock;
  beforeAll(async () => {
    // The function's configuration, as CDK and the offline cloud give it.
    process.env[DEADLINE_CLOCK.stateMachineArnEnv] = machineArn;
    process.env.AWS_ENDPOINT_URL_SFN = cloud.endpoints.sfn;
    process.env.AWS_REGION = 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    ({ startClock } = await import('../../shared/usecases/start-clock'));
  });
  afterAll(() => sfn.destroy());

  async function acceptedDossier(): Promise<{ code: string; name: string }> {
    const dossier = await acceptedLandTransfer();
    const name = clockExecutionName({
      tenant: 'demo',
      code: dossier.code,
      clockVersion: dossier.clockVersion,
    });
    return { code: dossier.code, name };
  }

  async function waitForStatus(name: string, status: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        if ((await statusOf(name)) === status) return;
      } catch {
        // not started yet: the stream poller picks the outbox event up within a moment
      }
      if (Date.now() > deadline) throw new Error(`${name} never became ${status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('starts no second clock for a dossier version whose clock runs (a stream retry)', async () => {
    const { code, name } = await acceptedDossier();
    await waitForStatus(name, 'RUNNING');
    // Step Functions answers a same-name, same-input start of a running execution with that execution.
    expect(['started', 'already-running']).toContain(
      await startClock({ tenant: 'demo', code, clockVersion: 1 }),
    );
    const { executions = [] } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn, maxResults: 1000 }),
    );
    expect(executions.filter((e) => e.name?.startsWith(name)).map((e) => e.name)).toEqual([name]);
  });

  it('starts a dead clock again under a suffixed name', async () => {
    const { code, name } = await acceptedDossier();
    await waitForStatus(name, 'RUNNING');
    await sfn.send(new StopExecutionCommand({ executionArn: executionArn(name), cause: 'test' }));
    await waitForStatus(name, 'ABORTED');
    expect(await startClock({ tenant: 'demo', code, clockVersion: 1 })).toBe('restarted');
    expect(await statusOf(`${name}-r1`)).toBe('RUNNING');
  });
});
