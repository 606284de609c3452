/**
 * The deadline clock's ASL file (the one CDK deploys) run by aws-local-stepfunctions, the interpreter
 * of the offline cloud, with a scripted fake in place of the check function: it sleeps for the
 * `sleepSeconds` the check returns, checks again, ends on `done: true`, and pauses in the retry
 * wait when the check keeps failing.
 */
import path from 'node:path';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { DEADLINE_CLOCK, type DeadlineCheckResult } from '../../../shared/api/deadline-clock';
import { loadDefinition, withoutExecutionTimeout } from '../../../infra/local/stepfunctions/definition';
import { parseAsl, substitutedDefinition } from '../../../infra/workflows/asl';
import { tasksOf } from '../../../shared/api/functions';
import { localLambdaArn } from '../../../infra/local/stepfunctions/arns';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CHECK = (tasksOf('deadlineClock')[0] as { source: { state: string } }).source.state;
const input = { tenant: 'demo', code: '000.30.01.H99-270201-0001', clockVersion: 3 };

let definition: StateMachineDefinition;

beforeAll(() => {
  definition = loadDefinition(REPO_ROOT, 'deadlineClock', (task) => localLambdaArn(task.entry));
});

/** Runs the definition with `script` answering the check task, one step per call. */
async function run(
  script: Array<DeadlineCheckResult | Error>,
  overrides: { waitTimeOverrides?: Record<string, number> } = {},
) {
  const calls: unknown[] = [];
  const machine = new StateMachine(withoutExecutionTimeout(definition).definition);
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: {
        [CHECK]: async (taskInput) => {
          calls.push(taskInput);
          const next = script.shift() ?? { done: true, reason: 'script ended', fired: [] };
          if (next instanceof Error) throw next;
          return next as never;
        },
      },
      retryIntervalOverrides: { [CHECK]: 0 },
      waitTimeOverrides: { [DEADLINE_CLOCK.retryWaitState]: 0, ...overrides.waitTimeOverrides },
    },
  });
  const states: string[] = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs)
      if (event.type === 'StateEntered') states.push(event.state.name);
  })();
  const started = Date.now();
  const output = (await execution.result) as Record<string, unknown>;
  await collecting;
  return { output, states, calls, elapsedMs: Date.now() - started };
}

describe('infra/workflows/deadline-clock.asl.json', () => {
  describe('run by aws-local-stepfunctions', () => {
    it('sleeps for the sleepSeconds the check returns, checks again, and ends when the check says done', async () => {
      const { output, states, elapsedMs } = await run([
        { done: false, sleepSeconds: 1, fired: [] },
        { done: true, reason: 'finished', fired: ['step.overdue#1#x'] },
      ]);
      expect(states).toEqual([
        CHECK,
        'IsFinished',
        DEADLINE_CLOCK.sleepState,
        CHECK,
        'IsFinished',
        'Finished',
      ]);
      expect(elapsedMs).toBeGreaterThanOrEqual(950);
      expect(output).toMatchObject({
        ...input,
        check: { done: true, reason: 'finished', fired: ['step.overdue#1#x'] },
      });
    });

    it('loops as long as the check has something ahead', async () => {
      const { states, calls } = await run([
        { done: false, sleepSeconds: 0, fired: [] },
        { done: false, sleepSeconds: 0, fired: ['dossier.due_soon#x'] },
        { done: true, reason: 'nothing-left', fired: [] },
      ]);
      expect(calls).toHaveLength(3);
      expect(states.filter((s) => s === DEADLINE_CLOCK.sleepState)).toHaveLength(2);
    });

    it('hands the check only tenant, code and clockVersion, whatever else the state carries', async () => {
      const { calls } = await run([
        { done: false, sleepSeconds: 0, fired: [] },
        { done: true, fired: [] },
      ]);
      expect(calls).toEqual([input, input]);
    });

    it('retries a failing check, then waits in the retry state and checks again', async () => {
      // One attempt and three retries (States.TaskFailed, MaxAttempts 3), then the Catch.
      const failure = new Error('DynamoDB is down');
      const { output, states, calls } = await run([
        failure,
        failure,
        failure,
        failure,
        { done: true, fired: [] },
      ]);
      expect(calls).toHaveLength(5);
      expect(states).toEqual([CHECK, DEADLINE_CLOCK.retryWaitState, CHECK, 'IsFinished', 'Finished']);
      expect(output).toMatchObject({
        lastError: { Error: 'Error', Cause: 'DynamoDB is down' },
        check: { done: true },
      });
    });
  });

  describe('substitute', () => {
    it('replaces every ${Name} like CloudFormation does and refuses a name with no substitution', () => {
      const text = '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn}","End":true}}}';
      const asl = parseAsl('deadlineClock', 'machine.asl.json', text);
      expect(
        (
          substitutedDefinition(asl, { Fn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:f' }) as {
            States: { A: unknown };
          }
        ).States.A,
      ).toMatchObject({
        Resource: 'arn:aws:lambda:ap-southeast-1:000000000000:function:f',
      });
      expect(() => substitutedDefinition(asl, {})).toThrow('${Fn}');
    });
  });
});
