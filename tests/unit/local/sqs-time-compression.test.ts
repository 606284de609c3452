/**
 * The local SQS's test knob (MOTCUA_LOCAL_SQS_MAX_DELAY_MS → SqsStore `maxHideMs`): every hiding
 * is capped, so a 5-minute back-off is seen in a second, while the values asked for are still
 * validated as SQS validates them. Without the knob nothing changes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LocalQueueConfig } from '../../../infra/local/sqs/queues';
import { SqsError, SqsStore } from '../../../infra/local/sqs/store';

const QUEUE: LocalQueueConfig = { name: 'work', visibilityTimeoutSeconds: 120, retentionSeconds: 3600 };

let dir: string;
let now: number;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-sqs-cap-'));
  now = 1_800_000_000_000;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('local SQS time compression (test knob)', () => {
  it('caps ChangeMessageVisibility, the visibility timeout and DelaySeconds at maxHideMs', async () => {
    const store = await SqsStore.open(dir, [QUEUE], { now: () => now, maxHideMs: 1000 });
    await store.send('work', [{ body: 'a' }, { body: 'b', delaySeconds: 900 }]);
    const [a] = await store.receive('work', 10);
    expect(a.body).toBe('a');
    await store.changeVisibility('work', [{ receiptHandle: a.receiptHandle, seconds: 300 }]);
    now += 999;
    expect(await store.receive('work', 10)).toEqual([]);
    now += 1;
    const again = await store.receive('work', 10);
    expect(again.map((m) => m.body).sort()).toEqual(['a', 'b']);
    // The 120 s visibility timeout of that receive hides them for 1 s only.
    now += 1000;
    expect(await store.receive('work', 10)).toHaveLength(2);
  });

  it('still refuses what SQS refuses (over 12 h), and without the knob hides for the full time', async () => {
    const capped = await SqsStore.open(dir, [QUEUE], { now: () => now, maxHideMs: 1000 });
    await capped.send('work', [{ body: 'a' }]);
    const [a] = await capped.receive('work', 10);
    await expect(
      capped.changeVisibility('work', [{ receiptHandle: a.receiptHandle, seconds: 43_201 }]),
    ).rejects.toThrow(SqsError);
    await capped.flush();

    const plain = await SqsStore.open(path.join(dir, 'plain'), [QUEUE], { now: () => now });
    await plain.send('work', [{ body: 'b' }]);
    const [b] = await plain.receive('work', 10);
    await plain.changeVisibility('work', [{ receiptHandle: b.receiptHandle, seconds: 300 }]);
    now += 299_000;
    expect(await plain.receive('work', 10)).toEqual([]);
    now += 1000;
    expect(await plain.receive('work', 10)).toHaveLength(1);
  });
});
