/**
 * Issue 10 §5 through the real API, on a cloud of its own (it moves the clock 8 days on):
 *  - a tenant admin reaches none of the operator's routes (403);
 *  - tenant and staff creation honour Idempotency-Key (same key and body: the first answer; same
 *    key, other body: 422);
 *  - staff delete: not yourself, not the last enabled tenant admin (409), otherwise gone (404 after);
 *  - the tenant list's health counts a dossier overdue once the clock passes its appointment;
 *  - the export of a province holds every item and scan of it and nothing of another, and its
 *    manifest's checksums find a changed file;
 *  - delete needs suspend first, answers 403 to the province's users meanwhile, is undone by a
 *    resume, refuses to purge before the grace period ends; after it the CLI's purge removes every
 *    item, scan and account of the province and leaves the demo province's intact.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ROUTES } from '../../shared/api/routes';
import { verifyExport } from '../../tools/tenant-export';
import { api, newStaffToken, request, type ApiResponse } from './helpers/api';
import { cloudSteps } from './helpers/cloud-steps';
import { acceptedLandTransfer } from './helpers/dossiers';
import { REPO_ROOT, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const vn = (local: string) => `${local}+07:00`;

let cloud: CloudHandle;
let doc: DynamoDBDocumentClient;
let s3: S3Client;
const { as, setClock } = cloudSteps(() => cloud);
const operator = () => as('operator');

beforeAll(async () => {
  cloud = await startCloudProcess({ env: { MOTCUA_CLOCK_NOW: vn('2027-03-01T08:00:00') } });
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: cloud.info.endpoints.dynamodb,
      region: 'ap-southeast-1',
      credentials: CREDENTIALS,
    }),
  );
  s3 = new S3Client({
    endpoint: cloud.info.endpoints.s3,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}, 90_000);

afterAll(async () => {
  doc?.destroy();
  s3?.destroy();
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

/** Polls until `probe` answers `status` (the tenant gate remembers a status 1 s offline). */
async function eventually(
  probe: () => Promise<ApiResponse>,
  ok: (r: ApiResponse) => boolean,
  within = 30_000,
) {
  const deadline = Date.now() + within;
  for (;;) {
    const res = await probe();
    if (ok(res)) return res;
    if (Date.now() > deadline) throw new Error(`still ${res.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Every item key of a tenant, straight from DynamoDB Local (what the purge must remove). */
async function itemsOf(tenant: string): Promise<string[]> {
  const keys: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: cloud.info.tableName,
        FilterExpression: 'PK = :pk OR begins_with(PK, :under)',
        ExpressionAttributeValues: { ':pk': `TENANT#${tenant}`, ':under': `TENANT#${tenant}#` },
        ExclusiveStartKey: start,
      }),
    );
    keys.push(...(page.Items ?? []).map((i) => `${i.PK as string} ${i.SK as string}`));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys.sort();
}

/**
 * The tenant's items once the API calls made to it have been counted: the offline access log hands
 * its lines to countApiCalls every 2 s, which writes the tenant's usage items a moment after the
 * calls. Two reads a batch apart that agree mean nothing more is on its way.
 */
async function settledItemsOf(tenant: string): Promise<string[]> {
  let last = await itemsOf(tenant);
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 2_500));
    const now = await itemsOf(tenant);
    if (now.join('\n') === last.join('\n')) return now;
    last = now;
  }
  throw new Error(`the items of ${tenant} kept changing`);
}

const localUsers = async () =>
  (
    JSON.parse(await readFile(path.join(cloud.dataDir, 'cognito', 'users.json'), 'utf8')) as Array<{
      username: string;
    }>
  ).map((u) => u.username);

const NEW_TENANT = {
  provinceCode: 'H97',
  name: 'Tỉnh Thử Xoá',
  contact: { name: 'Văn phòng UBND tỉnh', email: 'vp@h97.example.vn' },
  admin: { email: 'qt@h97.example.vn' },
};

describe('the operator’s routes', () => {
  it('answer 403 to a tenant admin, every one of them', async () => {
    const operatorRoutes = ROUTES.filter((r) => r.path.startsWith('/v1/operator/'));
    expect(operatorRoutes.length).toBeGreaterThanOrEqual(7);
    for (const r of operatorRoutes) {
      const res = await request(r.method, r.path.replace('{tenant}', 'demo'), {
        ...as('quantri'),
        ...(r.method === 'POST' ? { body: {} } : {}),
      });
      expect([r.id, res.status]).toEqual([r.id, 403]);
    }
  });

  it('create a tenant once per Idempotency-Key: the same request gets the first answer, another body 422', async () => {
    const headers = { 'idempotency-key': 'tao-h97-lan-1' };
    const first = await api.post('/v1/operator/tenants', { ...operator(), headers, body: NEW_TENANT });
    expect(first.status).toBe(201);
    const again = await api.post('/v1/operator/tenants', { ...operator(), headers, body: NEW_TENANT });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await api.post('/v1/operator/tenants', {
      ...operator(),
      headers,
      body: { ...NEW_TENANT, name: 'Tỉnh Khác' },
    });
    expect(other.status).toBe(422);
    // Without the key, the same province is a conflict.
    expect((await api.post('/v1/operator/tenants', { ...operator(), body: NEW_TENANT })).status).toBe(409);
  });

  it('create a staff account once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'canbo-moi-1' };
    const body = {
      username: 'canbo.xoa',
      name: 'Cán Bộ Xoá',
      email: 'canbo.xoa@example.vn',
      agency: '000.00.01.H99',
      roles: ['reception'],
    };
    const first = await api.post('/v1/admin/staff', { ...as('quantri'), headers, body });
    expect(first.status).toBe(201);
    const again = await api.post('/v1/admin/staff', { ...as('quantri'), headers, body });
    expect(again.body).toEqual(first.body);
    const other = await api.post('/v1/admin/staff', {
      ...as('quantri'),
      headers,
      body: { ...body, name: 'Khác' },
    });
    expect(other.status).toBe(422);
  });
});

describe('staff delete', () => {
  it('refuses yourself and the last enabled tenant admin, and deletes anyone else', async () => {
    const self = await api.delete('/v1/admin/staff/quantri', as('quantri'));
    expect(self.status).toBe(409);
    expect(self.headers['content-type']).toContain('application/problem+json');

    // The operator gives the demo a second admin, who disables the first; the first, with a token
    // still valid, tries to delete the second: the only enabled admin left (409).
    const added = await api.post('/v1/operator/tenants/demo/admins', {
      ...operator(),
      body: { username: 'quantri.hai', email: 'quantri.hai@example.vn' },
    });
    expect(added.status).toBe(201);
    expect(added.body.roles).toEqual(['tenantAdmin']);
    const second = {
      token: await newStaffToken('quantri.hai', { baseUrl: cloud.baseUrl }),
      baseUrl: cloud.baseUrl,
    };
    expect((await api.patch('/v1/admin/staff/quantri', { ...second, body: { enabled: false } })).status).toBe(
      200,
    );
    const last = await api.delete('/v1/admin/staff/quantri.hai', as('quantri'));
    expect(last.status).toBe(409);
    expect((await api.patch('/v1/admin/staff/quantri', { ...second, body: { enabled: true } })).status).toBe(
      200,
    );

    expect((await api.delete('/v1/admin/staff/canbo.xoa', as('quantri'))).status).toBe(204);
    expect((await api.get('/v1/admin/staff/canbo.xoa', as('quantri'))).status).toBe(404);
    expect(await localUsers()).not.toContain('canbo.xoa');
    expect((await api.delete('/v1/admin/staff/quantri.hai', as('quantri'))).status).toBe(204);
  });
});

describe('the tenant list with health', () => {
  const demoHealth = async () => {
    const list = await api.get('/v1/operator/tenants', operator());
    expect(list.status).toBe(200);
    return list.body.items.find((t: { id: string }) => t.id === 'demo').health as {
      pending: number;
      overdue: number;
      failedDeliveries: number;
    };
  };

  it('counts a dossier overdue once the clock passes its appointment', async () => {
    await setClock(vn('2027-03-01T09:00:00'));
    const before = await demoHealth();
    const dossier = await acceptedLandTransfer(as('tiepnhan.binhthanh'));
    await eventually(
      () => api.get('/v1/operator/tenants', operator()),
      (r) => r.body.items.find((t: { id: string }) => t.id === 'demo').health.pending === before.pending + 1,
    );
    const view = await api.get(`/v1/dossiers/${dossier.code}`, as('tiepnhan.binhthanh'));
    const appointment = new Date(view.body.appointmentAt as string).getTime();
    await setClock(new Date(appointment + 3_600_000).toISOString());
    const after = await eventually(
      () => api.get('/v1/operator/tenants', operator()),
      (r) => r.body.items.find((t: { id: string }) => t.id === 'demo').health.overdue === before.overdue + 1,
      60_000,
    );
    expect(after.body.items.find((t: { id: string }) => t.id === 'demo').health.failedDeliveries).toBe(
      before.failedDeliveries,
    );
  }, 120_000);
});

describe('deleting a tenant', () => {
  const purgeCli = (id: string) => tenantCli(['purge', id]);
  const tenantCli = (args: string[]) =>
    run(TSX, ['tools/tenant.ts', ...args, '--local'], {
      cwd: REPO_ROOT,
      timeout: 60_000,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL_DYNAMODB: cloud.info.endpoints.dynamodb,
        AWS_ENDPOINT_URL_S3: cloud.info.endpoints.s3,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: `${cloud.baseUrl}/_local/cognito-idp`,
        TABLE_NAME: cloud.info.tableName,
        BUCKET_NAME: cloud.info.bucketName,
      },
    });

  it('needs suspend first, closes it, is undone by resume, and purges only after the grace period', async () => {
    // The purge CLI runs on the real clock: the delete is dated 8 days back on the cloud's.
    await setClock(new Date(Date.now() - 8 * 86_400_000).toISOString());
    const h97Admin = {
      token: await newStaffToken('h97.quantri', { baseUrl: cloud.baseUrl }),
      baseUrl: cloud.baseUrl,
    };
    expect((await api.get('/v1/admin/staff', h97Admin)).status).toBe(200);
    // A scan of each province in the bucket (as the confirm step stores them).
    await s3.send(
      new PutObjectCommand({
        Bucket: cloud.info.bucketName,
        Key: 'stored/h97/X/1/abc/scan.pdf',
        Body: 'h97',
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: cloud.info.bucketName,
        Key: 'stored/demo/X/1/abc/keep.pdf',
        Body: 'demo',
      }),
    );

    expect((await api.delete('/v1/operator/tenants/h97', operator())).status).toBe(409);
    expect((await api.post('/v1/operator/tenants/h97/suspend', operator())).status).toBe(200);
    const deleting = await api.delete('/v1/operator/tenants/h97', operator());
    expect(deleting.status).toBe(200);
    expect(deleting.body).toMatchObject({ status: 'deleting', deletion: { graceDays: 30 } });
    await eventually(
      () => api.get('/v1/admin/staff', h97Admin),
      (r) => r.status === 403,
    );
    await expect(purgeCli('h97')).rejects.toThrow(/grace period/);

    // Undo: resume restores it with its data.
    const restored = await api.post('/v1/operator/tenants/h97/resume', operator());
    expect(restored.body.status).toBe('active');
    expect(restored.body.deletion).toBeUndefined();
    await eventually(
      () => api.get('/v1/admin/staff', h97Admin),
      (r) => r.status === 200,
    );

    expect((await api.post('/v1/operator/tenants/h97/suspend', operator())).status).toBe(200);

    // The export before the delete: every item and scan of h97, nothing of the demo, verified.
    await settledItemsOf('h97');
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-export-test-'));
    try {
      const { stdout: exported } = await tenantCli(['export', 'h97', '--out', exportDir, '--by', 'vanhanh']);
      const dir = exported.split('\n')[0] as string;
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
      const lines = (await readFile(path.join(dir, 'items.jsonl'), 'utf8')).trim().split('\n');
      const exportedKeys = lines.map((l) => JSON.parse(l)).map((i) => `${i.PK} ${i.SK}`);
      expect(exportedKeys.sort()).toEqual(await itemsOf('h97'));
      expect(manifest.counts).toEqual({ items: exportedKeys.length, attachments: 1 });
      expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
        'attachments/stored/h97/X/1/abc/scan.pdf',
        'items.jsonl',
      ]);
      expect(await readFile(path.join(dir, 'attachments/stored/h97/X/1/abc/scan.pdf'), 'utf8')).toBe('h97');
      expect(await verifyExport(dir)).toEqual([]);
      // A changed byte is found by the checksum.
      await writeFile(path.join(dir, 'attachments/stored/h97/X/1/abc/scan.pdf'), 'h98');
      expect(await verifyExport(dir)).toEqual(['changed: attachments/stored/h97/X/1/abc/scan.pdf']);
      const recorded = await api.get('/v1/operator/tenants/h97', operator());
      expect(recorded.body.exports).toEqual([{ id: manifest.exportId, at: manifest.at, by: 'vanhanh' }]);
    } finally {
      await rm(exportDir, { recursive: true, force: true });
    }

    const again = await api.delete('/v1/operator/tenants/h97?graceDays=7', operator());
    expect(again.body.deletion.graceDays).toBe(7);
    const h97Before = await settledItemsOf('h97');
    const demoBefore = await itemsOf('demo');
    expect(h97Before.length).toBeGreaterThan(0);

    const { stdout } = await purgeCli('h97');
    expect(stdout).toContain('done');
    const purged = await api.get('/v1/operator/tenants/h97', operator());
    expect(purged.body).toMatchObject({ status: 'purged', purge: { phase: 'done', users: 1, objects: 1 } });
    expect(purged.body.purge.items).toBe(h97Before.length);
    expect(await itemsOf('h97')).toEqual([]);
    expect(await localUsers()).not.toContain('h97.quantri');
    expect(await objectsUnder('stored/h97/')).toEqual([]);
    expect(await objectsUnder('stored/demo/X/')).toEqual(['stored/demo/X/1/abc/keep.pdf']);
    // The demo province keeps every item it had (a moving clock may add some, never remove).
    const demoAfter = new Set(await itemsOf('demo'));
    expect(demoBefore.filter((k) => !demoAfter.has(k))).toEqual([]);
    expect((await api.get('/v1/admin/staff/quantri', as('quantri'))).status).toBe(200);
    // Purging again is harmless; restoring a purged province is refused; its id stays taken.
    await purgeCli('h97');
    expect((await api.post('/v1/operator/tenants/h97/resume', operator())).status).toBe(409);
    expect((await api.post('/v1/operator/tenants', { ...operator(), body: NEW_TENANT })).status).toBe(409);
  }, 180_000);
});

async function objectsUnder(prefix: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: cloud.info.bucketName, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key as string);
}
