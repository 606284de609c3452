/**
 * The offline Step Functions service with its real runner and the real deadline-clock definition,
 * but a scripted check function and a temp folder for the executions: API semantics, persistence,
 * restart from disk, restart on a clock move, and the execution timeout the runner enforces.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEADLINE_CLOCK, type DeadlineCheckResult } from '../../../shared/api/deadline-clock';
import { tasksOf } from '../../../shared/api/functions';
import type { HandlerLoader, LambdaHandler } from '../../../infra/local/handler-loader';
import { executionArn } from '../../../infra/local/stepfunctions/arns';
import {
  createExecutionStore,
  type ExecutionRecord,
} from '../../../infra/local/stepfunctions/execution-store';
import { createLimiter } from '../../../infra/local/stepfunctions/limiter';
import {
  deadlineClockMachine,
  MAX_WAIT_SECONDS,
  type LocalStateMachine,
} from '../../../infra/local/stepfunctions/machines';
import { createRunner } from '../../../infra/local/stepfunctions/runner';
import {
  createStepFunctionsService,
  type StepFunctionsService,
} from '../../../infra/local/stepfunctions/service';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CHECK = (tasksOf('deadlineClock')[0] as { source: { state: string } }).source.state;
const clockInput = (code: string) => JSON.stringify({ tenant: 'demo', code, clockVersion: 1 });

let machine: LocalStateMachine;
let dir: string;
let services: StepFunctionsService[];
let check: jest.Mock<Promise<DeadlineCheckResult>, [unknown, unknown]>;

beforeAll(async () => {
  machine = await deadlineClockMachine(REPO_ROOT);
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-sfn-unit-'));
  services = [];
  // By default a clock with something ahead: it sleeps for an hour.
  check = jest.fn<Promise<DeadlineCheckResult>, [unknown, unknown]>(async () => ({
    done: false,
    sleepSeconds: 3600,
    fired: [],
  }));
});

afterEach(async () => {
  for (const service of services) await service.close();
  await rm(dir, { recursive: true, force: true });
});

function newService(): StepFunctionsService {
  const loader: HandlerLoader = { load: async () => check as unknown as LambdaHandler };
  const log = () => undefined;
  const service = createStepFunctionsService({
    machines: [machine],
    runners: new Map([[machine.arn, createRunner(machine, { loader, limit: createLimiter(4), log })]]),
    store: createExecutionStore(dir),
    log,
  });
  services.push(service);
  return service;
}

async function until<T>(probe: () => T | undefined, what: string, withinMs = 5_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const statusOf = (service: StepFunctionsService, arn: string) => service.describeExecution(arn).status;

describe('infra/local/stepfunctions/service', () => {
  describe('startExecution', () => {
    it('runs the check and ends SUCCEEDED with the state output when the check says done', async () => {
      check.mockResolvedValue({ done: true, reason: 'finished', fired: ['a'] });
      const service = newService();
      const { executionArn: arn } = service.startExecution({
        stateMachineArn: machine.arn,
        name: 'x-v1',
        input: clockInput('X'),
      });
      expect(arn).toBe(executionArn(machine.name, 'x-v1'));
      await until(() => statusOf(service, arn) === 'SUCCEEDED', 'SUCCEEDED');
      const record = service.describeExecution(arn);
      expect(JSON.parse(record.output as string)).toMatchObject({
        code: 'X',
        check: { done: true, fired: ['a'] },
      });
      expect(check.mock.calls[0]?.[0]).toEqual(JSON.parse(clockInput('X')));
      expect(check.mock.calls[0]?.[1]).toMatchObject({ functionName: 'mot-cua-deadlines-check' });
    });

    it('answers the same execution for the same name and input while it runs, and ExecutionAlreadyExists otherwise', async () => {
      const service = newService();
      const first = service.startExecution({
        stateMachineArn: machine.arn,
        name: 'y-v1',
        input: clockInput('Y'),
      });
      const again = service.startExecution({
        stateMachineArn: machine.arn,
        name: 'y-v1',
        input: clockInput('Y'),
      });
      expect(again).toEqual(first);
      expect(() =>
        service.startExecution({ stateMachineArn: machine.arn, name: 'y-v1', input: clockInput('Z') }),
      ).toThrow(expect.objectContaining({ type: 'ExecutionAlreadyExists' }));
      service.stopExecution(first.executionArn);
      expect(() =>
        service.startExecution({ stateMachineArn: machine.arn, name: 'y-v1', input: clockInput('Y') }),
      ).toThrow(expect.objectContaining({ type: 'ExecutionAlreadyExists' }));
    });

    it('refuses unknown state machines, malformed ARNs, bad names and input that is not JSON', () => {
      const service = newService();
      const other = machine.arn.replace(machine.name, 'nope');
      expect(() => service.startExecution({ stateMachineArn: other })).toThrow(
        expect.objectContaining({ type: 'StateMachineDoesNotExist' }),
      );
      expect(() => service.startExecution({ stateMachineArn: 'not-an-arn' })).toThrow(
        expect.objectContaining({ type: 'InvalidArn' }),
      );
      expect(() => service.startExecution({ stateMachineArn: machine.arn, name: 'a b' })).toThrow(
        expect.objectContaining({ type: 'InvalidName' }),
      );
      expect(() => service.startExecution({ stateMachineArn: machine.arn, input: '{' })).toThrow(
        expect.objectContaining({ type: 'InvalidExecutionInput' }),
      );
      expect(() => service.describeExecution(executionArn(machine.name, 'missing'))).toThrow(
        expect.objectContaining({ type: 'ExecutionDoesNotExist' }),
      );
    });
  });

  describe('a failing check', () => {
    it('is retried and caught into the retry wait (shortened offline), then checked again', async () => {
      check
        .mockRejectedValueOnce(new TypeError('boom'))
        .mockRejectedValueOnce(new TypeError('boom'))
        .mockRejectedValueOnce(new TypeError('boom'))
        .mockRejectedValueOnce(new TypeError('boom'))
        .mockResolvedValue({ done: true, fired: [] });
      const service = newService();
      const { executionArn: arn } = service.startExecution({
        stateMachineArn: machine.arn,
        name: 'f-v1',
        input: clockInput('F'),
      });
      await until(() => statusOf(service, arn) === 'SUCCEEDED', 'SUCCEEDED after the retry wait');
      expect(check).toHaveBeenCalledTimes(5);
      // Lambda's error shape: the type is what Retry/Catch match, the cause is Lambda's JSON.
      const output = JSON.parse(service.describeExecution(arn).output as string);
      expect(output.lastError.Error).toBe('TypeError');
      expect(JSON.parse(output.lastError.Cause)).toMatchObject({
        errorType: 'TypeError',
        errorMessage: 'boom',
      });
    });
  });

  describe('persistence and restarts', () => {
    it('writes every change to disk and runs RUNNING executions again from the start after a restart', async () => {
      const first = newService();
      const { executionArn: arn } = first.startExecution({
        stateMachineArn: machine.arn,
        name: 'p-v1',
        input: clockInput('P'),
      });
      await until(() => check.mock.calls.length === 1 || undefined, 'the first check');
      await first.close();
      const file = path.join(dir, machine.name, 'p-v1.json');
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
        status: 'RUNNING',
        runs: 1,
        input: clockInput('P'),
      });

      check.mockResolvedValue({ done: true, fired: [] });
      const second = newService();
      expect(await second.resumeOpen()).toBe(1);
      await until(() => statusOf(second, arn) === 'SUCCEEDED', 'SUCCEEDED after the restart');
      expect(check).toHaveBeenCalledTimes(2);
      await second.close();
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ status: 'SUCCEEDED', runs: 2 });
    });

    it('aborts every sleeping execution and runs it again when the clock moves', async () => {
      const service = newService();
      const { executionArn: arn } = service.startExecution({
        stateMachineArn: machine.arn,
        name: 'c-v1',
        input: clockInput('C'),
      });
      await until(() => check.mock.calls.length === 1 || undefined, 'the first check');
      check.mockResolvedValue({ done: true, fired: ['now due'] });
      expect(service.restartRunning()).toBe(1);
      await until(() => statusOf(service, arn) === 'SUCCEEDED', 'SUCCEEDED after the clock move');
      expect(check).toHaveBeenCalledTimes(2);
    });

    it('keeps the one-year execution timeout from ending executions at once, and times out one that outlived it', async () => {
      const service = newService();
      const { executionArn: arn } = service.startExecution({
        stateMachineArn: machine.arn,
        name: 't-v1',
        input: clockInput('T'),
      });
      await until(() => check.mock.calls.length === 1 || undefined, 'the first check');
      await new Promise((r) => setTimeout(r, 100));
      expect(statusOf(service, arn)).toBe('RUNNING');

      const old: ExecutionRecord = {
        executionArn: executionArn(machine.name, 'old-v1'),
        stateMachineArn: machine.arn,
        stateMachineName: machine.name,
        name: 'old-v1',
        input: clockInput('OLD'),
        status: 'RUNNING',
        startDate: new Date(Date.now() - 2 * 365 * 86_400_000).toISOString(),
        runs: 1,
      };
      await mkdir(path.join(dir, machine.name), { recursive: true });
      await writeFile(path.join(dir, machine.name, 'old-v1.json'), JSON.stringify(old));
      const restarted = newService();
      await restarted.resumeOpen();
      await until(() => statusOf(restarted, old.executionArn) === 'TIMED_OUT', 'TIMED_OUT');
      expect(restarted.describeExecution(old.executionArn)).toMatchObject({ error: 'States.Timeout' });
    });
  });

  describe('listExecutions', () => {
    it('lists newest first, filters by status and pages with nextToken', async () => {
      const service = newService();
      for (const name of ['l1', 'l2', 'l3']) {
        service.startExecution({ stateMachineArn: machine.arn, name, input: clockInput(name) });
        await new Promise((r) => setTimeout(r, 5));
      }
      service.stopExecution(executionArn(machine.name, 'l2'));
      const page1 = service.listExecutions({ stateMachineArn: machine.arn, maxResults: 2 });
      expect(page1.executions.map((e) => e.name)).toEqual(['l3', 'l2']);
      const page2 = service.listExecutions({
        stateMachineArn: machine.arn,
        maxResults: 2,
        nextToken: page1.nextToken,
      });
      expect(page2).toEqual({ executions: [expect.objectContaining({ name: 'l1' })] });
      const aborted = service.listExecutions({ stateMachineArn: machine.arn, statusFilter: 'ABORTED' });
      expect(aborted.executions.map((e) => e.name)).toEqual(['l2']);
    });
  });
});

describe('infra/local/stepfunctions/machines', () => {
  describe('deadlineClockMachine', () => {
    it('caps a sleep longer than Node timers can wait, and leaves shorter ones alone', () => {
      const long = machine.adjustTaskResult?.(CHECK, { done: false, sleepSeconds: 40 * 86_400, fired: [] });
      expect(long).toMatchObject({ sleepSeconds: MAX_WAIT_SECONDS });
      expect(machine.adjustTaskResult?.(CHECK, { done: false, sleepSeconds: 60, fired: [] })).toMatchObject({
        sleepSeconds: 60,
      });
    });

    it('shortens only the retry wait, never the deadline sleep', () => {
      expect(Object.keys(machine.waitTimeOverrides)).toEqual([DEADLINE_CLOCK.retryWaitState]);
    });
  });
});
