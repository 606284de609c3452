/**
 * Restart safety of the deadline clock (every workflow is safe to run again from its start): executions sleeping when the cloud
 * stops run again from their start at the next start, against the clock as it is then. A frozen
 * clock that is "later" at the restart makes step deadlines pass while the cloud was down; the
 * alarms fire once, and again-restarted executions never fire them twice (fixed alarm ids).
 */
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { clockExecutionName } from '../../shared/api/deadline-clock';
import { api } from './helpers/api';
import { removeCloudFolder, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

const MACHINE = 'mot-cua-deadline-clock';
const COUNTER = 'tiepnhan.binhthanh';
/** Tuesday 2 March 2027, 09:00 in Vietnam: a plain working day. */
const T0 = '2027-03-02T09:00:00+07:00';
const HOUR = 3_600_000;

interface Tracked {
  code: string;
  clockVersion: number;
  stepDueAt: string;
  appointmentAt: string;
}

let cloud: CloudHandle | undefined;
let dataDir: string | undefined;
const dossiers: Tracked[] = [];

/** (Re)starts the cloud on the same data dir with the clock frozen at `now`. */
async function startAt(now: string): Promise<CloudHandle> {
  cloud = await startCloudProcess({ dataDir, env: { MOTCUA_CLOCK_NOW: now, MOTCUA_CLOCK_FROZEN: 'true' } });
  dataDir = cloud.dataDir;
  return cloud;
}

async function stop(): Promise<void> {
  if (cloud) await stopCloudProcess(cloud);
  cloud = undefined;
}

const as = (c: CloudHandle, user = COUNTER) => ({ baseUrl: c.baseUrl, token: c.tokens[user] });

async function until<T>(probe: () => Promise<T | undefined>, what: string, withinMs = 30_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function alarms(
  c: CloudHandle,
  code: string,
): Promise<Array<{ id: string; type: string; stepIndex?: number }>> {
  const sheet = await api.get(`/v1/dossiers/${code}/history`, as(c));
  expect(sheet.status).toBe(200);
  return sheet.body.alarms;
}

const ofType = (list: Array<{ type: string }>, type: string) => list.filter((a) => a.type === type);

async function runningExecutions(c: CloudHandle): Promise<string[]> {
  const sfn = new SFNClient({
    endpoint: c.info.endpoints.sfn,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const page = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: c.info.stateMachines[MACHINE], statusFilter: 'RUNNING' }),
    );
    return (page.executions ?? []).map((e) => e.name as string);
  } finally {
    sfn.destroy();
  }
}

afterAll(async () => {
  await stop();
  if (dataDir) await removeCloudFolder(dataDir);
});

describe('restart safety (integration)', () => {
  describe('the deadline clock across stops of the offline cloud', () => {
    it('has a RUNNING clock execution for each of two land transfers forwarded to the land office', async () => {
      const c = await startAt(T0);
      for (const applicant of ['Đỗ Thị Hoa', 'Vũ Văn Khánh']) {
        const created = await api.post('/v1/dossiers', {
          ...as(c),
          body: {
            procedureCode: '1.004227',
            channel: 'counter',
            applicant: {
              name: applicant,
              idNumber: '001080000555',
              phone: '0980000555',
              address: 'Xã Bình Thành',
            },
            request: 'Chuyển nhượng quyền sử dụng đất',
            decision: { outcome: 'accept' },
          },
        });
        expect(created.status).toBe(201);
        const forwarded = await api.post(`/v1/dossiers/${created.body.code}/actions`, {
          ...as(c),
          body: { action: 'forward', expectedVersion: created.body.version },
        });
        expect(forwarded.status).toBe(200);
        const d = forwarded.body;
        dossiers.push({
          code: d.code,
          clockVersion: d.clockVersion,
          stepDueAt: d.steps[1].dueAt,
          appointmentAt: d.appointmentAt,
        });
      }
      const names = dossiers.map((d) => clockExecutionName({ tenant: c.info.tenant, ...d }));
      await until(
        async () => {
          const running = await runningExecutions(c);
          return names.every((n) => running.includes(n)) ? true : undefined;
        },
        `RUNNING executions ${names.join(', ')}`,
      );
      for (const d of dossiers) expect(ofType(await alarms(c, d.code), 'step.overdue')).toEqual([]);
      await stop();
    }, 120_000);

    it("fires step.overdue once for each after a restart whose clock is past the step's due time", async () => {
      expect(dossiers).toHaveLength(2);
      const later = Math.max(...dossiers.map((d) => Date.parse(d.stepDueAt))) + HOUR;
      // The appointment is still ahead, so the next restart has something new to fire.
      for (const d of dossiers) expect(later).toBeLessThan(Date.parse(d.appointmentAt));
      const c = await startAt(new Date(later).toISOString());
      for (const d of dossiers) {
        const overdue = await until(async () => {
          const found = ofType(await alarms(c, d.code), 'step.overdue');
          return found.length > 0 ? found : undefined;
        }, `step.overdue of ${d.code}`);
        expect(overdue).toEqual([
          expect.objectContaining({ stepIndex: 1, id: `step.overdue#1#${d.stepDueAt}` }),
        ]);
      }
      await stop();
    }, 120_000);

    it('does not fire them again when the clocks run once more after another restart', async () => {
      expect(dossiers).toHaveLength(2);
      // Past the appointments: the re-run executions must fire dossier.overdue, which proves they
      // ran their check again — and step.overdue must still be there exactly once.
      const later = Math.max(...dossiers.map((d) => Date.parse(d.appointmentAt))) + HOUR;
      const c = await startAt(new Date(later).toISOString());
      for (const d of dossiers) {
        await until(async () => {
          return ofType(await alarms(c, d.code), 'dossier.overdue').length > 0 ? true : undefined;
        }, `dossier.overdue of ${d.code}`);
        const list = await alarms(c, d.code);
        expect(ofType(list, 'step.overdue')).toHaveLength(1);
        expect(ofType(list, 'dossier.overdue')).toHaveLength(1);
      }
    }, 120_000);
  });
});
