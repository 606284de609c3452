/**
 * Catalog import end to end (issue 10 §3), on a cloud of its own (it writes 1,000 procedures and
 * moves the clock): an XLSX made here with exceljs, with the demo province's agencies and 1,000
 * procedures of which 20 are malformed in as many ways. Dry run, import, the same file again,
 * a dated change of fee and competence and what it does to dossiers, a CSV, and the CLI once.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { MAX_PROCEDURE_ROWS } from '../../shared/api/schemas/catalog-import';
import { chunkLines, readCatalogFile, type FileLine } from '../../tools/catalog-file';
import { PROCEDURE_HEADINGS, csvText, writeXlsx } from '../../tools/make-import-examples';
import { api } from './helpers/api';
import { REPO_ROOT, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

const run = promisify(execFile);
const TOTAL = 1000;
const DEPARTMENTS = ['Sở Tư pháp', '000.07.20.H99', 'Sở Nông nghiệp và Môi trường', '000.10.20.H99'];
/** The procedure whose fee and competence change: 3.000007, decided by Sở Tư pháp, 50.000 đồng. */
const CHANGED = '3.000007';

const codeOf = (i: number) => `3.${String(i).padStart(6, '0')}`;

/** Line i (1-based) of the catalog, in PROCEDURE_HEADINGS order. */
function goodLine(i: number): string[] {
  const commune = i % 5 === 0;
  return [
    codeOf(i),
    `Thủ tục nhập thử số ${i}`,
    `Lĩnh vực ${i % 12}`,
    commune ? 'Cấp Xã' : 'Cấp Tỉnh',
    commune ? 'UBND cấp xã' : i === 7 ? 'Sở Tư pháp' : DEPARTMENTS[i % DEPARTMENTS.length]!,
    ['15 ngày làm việc', '05 ngày', 'Trong ngày', '04 giờ làm việc'][i % 4]!,
    i === 7 ? '50.000 đồng/hồ sơ' : ['Không', '50.000 đồng/hồ sơ', '2.000 đồng/trang', '100.000đ'][i % 4]!,
    'Tờ khai\nBản sao căn cước',
    ['Toàn trình', 'Một phần', 'Không'][i % 3]!,
    '',
  ];
}

const column = (heading: string) => (PROCEDURE_HEADINGS as readonly string[]).indexOf(heading);
/** 20 malformed lines: which catalog line, how it is broken, and the reason the report must give. */
const BROKEN: Array<[number, (cells: string[]) => void, RegExp]> = [
  [11, (c) => (c[0] = '3000011'), /mã thủ tục "3000011" sai dạng/],
  [52, (c) => (c[0] = ''), /thiếu mã thủ tục/],
  [93, (c) => (c[1] = ''), /thiếu tên thủ tục/],
  [134, (c) => (c[2] = ''), /thiếu lĩnh vực/],
  [176, (c) => (c[3] = 'Cấp Huyện'), /cấp huyện không còn/],
  [217, (c) => (c[3] = 'Cấp Bộ'), /cấp thực hiện "Cấp Bộ" không rõ/],
  [258, (c) => (c[4] = 'Sở Không Có'), /không có cơ quan "Sở Không Có"/],
  [299, (c) => (c[4] = '000.99.99.H99'), /không có cơ quan mã 000.99.99.H99/],
  [341, (c) => (c[5] = '01 tháng'), /thời hạn "01 tháng" không tính bằng ngày/],
  [382, (c) => (c[5] = 'Theo quy định'), /thời hạn "Theo quy định" không đọc được/],
  [423, (c) => (c[5] = ''), /thiếu thời hạn giải quyết/],
  [464, (c) => (c[6] = 'theo quy định'), /phí "theo quy định" không đọc được/],
  [506, (c) => (c[6] = 'Lệ phí 50.000 đồng; phí 20.000 đồng'), /có nhiều mức/],
  [547, (c) => (c[6] = '5.000.000.000 đồng'), /phí quá 1 tỷ/],
  [588, (c) => (c[8] = 'Mức độ 9'), /mức độ DVC "Mức độ 9" không rõ/],
  [629, (c) => (c[column('Ngày hiệu lực')] = '31/02/2027'), /không có thật/],
  [671, (c) => (c[column('Ngày hiệu lực')] = '01/01/2020'), /ngày hiệu lực đã qua/],
  [712, (c) => (c[7] = Array.from({ length: 51 }, (_, k) => `Giấy ${k}`).join('\n')), /quá 50 thành phần/],
  [753, (c) => (c[0] = codeOf(752)), /trùng mã với dòng 754/],
  [794, (c) => (c[1] = 'x'.repeat(501)), /tên thủ tục dài quá 500/],
];
/** The file has a title row and the heading row above the catalog: catalog line i is file line i + 2. */
const fileLine = (i: number) => i + 2;

function catalogRows(): string[][] {
  const rows = Array.from({ length: TOTAL }, (_, k) => goodLine(k + 1));
  for (const [i, breakIt] of BROKEN) breakIt(rows[i - 1]!);
  return rows;
}

describe('catalog import (own cloud)', () => {
  let cloud: CloudHandle;
  let dir: string;
  let xlsx: string;
  let admin: { baseUrl: string; token: string };

  beforeAll(async () => {
    [cloud, dir] = await Promise.all([
      startCloudProcess(),
      mkdtemp(path.join(os.tmpdir(), 'motcua-import-')),
    ]);
    admin = { baseUrl: cloud.baseUrl, token: cloud.tokens.quantri! };
    xlsx = path.join(dir, 'thu-tuc.xlsx');
    await writeXlsx(xlsx, 'DANH MỤC THỦ TỤC HÀNH CHÍNH', PROCEDURE_HEADINGS, catalogRows());
  }, 90_000);
  afterAll(async () => {
    await api.delete('/_local/clock', { baseUrl: cloud?.baseUrl });
    if (cloud) await stopCloudProcess(cloud, { removeData: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  type Result = {
    summary: Record<'created' | 'updated' | 'unchanged' | 'rejected', number>;
    rows: Array<{ line: number; code?: string; outcome: string; reasons?: string[] }>;
  };
  /** Sends the lines as the CLI does, in calls of at most 200, and adds the answers up. */
  async function importLines(lines: FileLine[], options: { dryRun?: boolean; effectiveFrom?: string } = {}) {
    const total: Result = { summary: { created: 0, updated: 0, unchanged: 0, rejected: 0 }, rows: [] };
    for (const rows of chunkLines(lines, MAX_PROCEDURE_ROWS, 900 * 1024)) {
      const res = await api.post<Result>('/v1/admin/catalog/imports', {
        ...admin,
        body: {
          kind: 'procedures',
          dryRun: options.dryRun ?? false,
          effectiveFrom: options.effectiveFrom,
          rows,
        },
      });
      expect(res.status).toBe(200);
      for (const k of Object.keys(total.summary) as Array<keyof Result['summary']>)
        total.summary[k] += res.body.summary[k];
      total.rows.push(...res.body.rows);
    }
    return total;
  }
  const catalogCount = async () =>
    (await api.get(`/v1/public/demo/procedures?limit=1`, { baseUrl: cloud.baseUrl })).body.count as number;

  let firstUpdatedAt: string | undefined;
  const storedItem = async (code: string) => {
    const client = new DynamoDBClient({
      endpoint: cloud.info.endpoints.dynamodb,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: cloud.info.tableName,
          Key: { PK: { S: 'TENANT#demo' }, SK: { S: `PROC#${code}` } },
          ConsistentRead: true,
        }),
      );
      return { updatedAt: Item?.updatedAt?.S, revision: Item?.revision?.N };
    } finally {
      client.destroy();
    }
  };

  it('dry run: reports each malformed line with its file line number and writes nothing', async () => {
    const before = await catalogCount();
    const file = await readCatalogFile(xlsx, 'procedures');
    expect(file.headingLine).toBe(2);
    expect(file.lines).toHaveLength(TOTAL);
    const result = await importLines(file.lines, { dryRun: true });
    expect(result.summary).toEqual({ created: 980, updated: 0, unchanged: 0, rejected: 20 });
    expect(await catalogCount()).toBe(before);
  });

  it('imports 980 procedures, each bad line reported with its line number and reason', async () => {
    const before = await catalogCount();
    const result = await importLines((await readCatalogFile(xlsx, 'procedures')).lines);
    expect(result.summary).toEqual({ created: 980, updated: 0, unchanged: 0, rejected: 20 });
    const rejected = result.rows.filter((r) => r.outcome === 'rejected');
    expect(rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual(BROKEN.map(([i]) => fileLine(i)));
    for (const [i, , reason] of BROKEN)
      expect(rejected.find((r) => r.line === fileLine(i))?.reasons?.join('\n')).toMatch(reason);
    expect(await catalogCount()).toBe(before + 980);
    // An imported procedure, with the default plan: counter of the province centre, then Sở Tư pháp.
    const p = (await api.get(`/v1/public/demo/procedures/${CHANGED}`, { baseUrl: cloud.baseUrl })).body;
    expect(p).toMatchObject({ competent: '000.05.20.H99', fee: 50000, time: { workingHours: 4 } });
    expect(p.steps.map((s: { role: string; agency?: string }) => [s.role, s.agency])).toEqual([
      ['reception', '000.00.01.H99'],
      ['specialist', undefined],
      ['leader', undefined],
      ['reception', '000.00.01.H99'],
    ]);
    firstUpdatedAt = (await storedItem(CHANGED)).updatedAt;
    expect(firstUpdatedAt).toBeDefined();
  });

  it('the same file again through the CLI: 0 created, 0 updated, 980 unchanged, nothing written', async () => {
    const { stdout, stderr, code } = await run(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [
        'tools/import-catalog.ts',
        '--kind',
        'procedures',
        '--file',
        xlsx,
        '--endpoint',
        cloud.baseUrl,
        '--token',
        admin.token,
      ],
      { cwd: REPO_ROOT, timeout: 45_000 },
    ).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    expect(code).toBe(1); // some lines were rejected
    expect(stderr).toContain(`Đã gửi ${TOTAL}/${TOTAL} dòng (lần 5/5`);
    expect(stdout).toContain('created 0, updated 0, unchanged 980, rejected 20');
    expect(stdout).toContain(`Dòng ${fileLine(176)} (${codeOf(176)}): cấp huyện không còn`);
    expect(await storedItem(CHANGED)).toEqual({ updatedAt: firstUpdatedAt, revision: '1' });
  });

  it('a dated change of fee and competence applies to dossiers submitted from that date, not before', async () => {
    const now = new Date(
      (await api.post('/_local/clock', { baseUrl: cloud.baseUrl, body: { advanceMs: 0 } })).body.now,
    );
    const tomorrow = new Date(now.getTime() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10); // VN date
    const changed = goodLine(7);
    changed[4] = 'Sở Công Thương';
    changed[6] = '80.000 đồng/hồ sơ';
    const fee = goodLine(8);
    fee[6] = '120.000 đồng/hồ sơ';
    const result = await importLines(
      [
        { line: 9, cells: cellsFrom(changed) },
        { line: 10, cells: cellsFrom(fee) },
        { line: 11, cells: cellsFrom(goodLine(9)) },
      ],
      { effectiveFrom: tomorrow },
    );
    expect(result.summary).toEqual({ created: 0, updated: 2, unchanged: 1, rejected: 0 });
    // The public catalog shows the version in force: the old one, until tomorrow.
    const today = await api.get(`/v1/public/demo/procedures/${CHANGED}`, { baseUrl: cloud.baseUrl });
    expect(today.body).toMatchObject({ competent: '000.05.20.H99', fee: 50000 });

    const reception = { baseUrl: cloud.baseUrl, token: cloud.tokens['tiepnhan.tinh']! };
    const submit = () =>
      api.post('/v1/dossiers', {
        ...reception,
        body: {
          procedureCode: CHANGED,
          channel: 'counter',
          applicant: {
            name: 'Lê Thị Hoa',
            idNumber: '001190000777',
            phone: '0903000777',
            address: 'Xã Bình Thành',
          },
          request: 'Đề nghị giải quyết',
        },
      });
    const waiting = await submit();
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ competentAgency: '000.05.20.H99', fee: { amount: 50000 } });

    // The next day: the new version applies to what is submitted now …
    await api.post('/_local/clock', {
      baseUrl: cloud.baseUrl,
      body: { now: new Date(`${tomorrow}T09:00:00+07:00`).toISOString() },
    });
    const after = await submit();
    expect(after.body).toMatchObject({ competentAgency: '000.07.20.H99', fee: { amount: 80000 } });
    expect(
      (await api.get(`/v1/public/demo/procedures/${CHANGED}`, { baseUrl: cloud.baseUrl })).body,
    ).toMatchObject({
      competent: '000.07.20.H99',
      fee: 80000,
    });
    // … while the dossier submitted before it, accepted only now, is planned under the old one.
    const decided = await api.post(`/v1/dossiers/${waiting.body.code}/reception-decision`, {
      ...reception,
      body: { outcome: 'accept', expectedVersion: waiting.body.version },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.competentAgency).toBe('000.05.20.H99');
    expect(decided.body.steps.map((s: { agency: string }) => s.agency)).toEqual([
      '000.00.01.H99',
      '000.05.20.H99',
      '000.05.20.H99',
      '000.00.01.H99',
    ]);
  });

  it('imports a CSV the same way (UTF-8 with BOM, a multi-line cell)', async () => {
    const csv = path.join(dir, 'thu-tuc.csv');
    const rows = [goodLine(1001), goodLine(1002), goodLine(9)];
    rows[1]![5] = '3 tuần';
    await writeFile(csv, csvText(PROCEDURE_HEADINGS, rows));
    const file = await readCatalogFile(csv, 'procedures');
    expect(file.lines.map((l) => l.line)).toEqual([2, 3, 4]);
    expect(file.lines[0]!.cells.documents).toBe('Tờ khai\nBản sao căn cước');
    const result = await importLines(file.lines);
    expect(result.summary).toEqual({ created: 1, updated: 0, unchanged: 1, rejected: 1 });
    expect(result.rows.find((r) => r.line === 3)?.reasons?.[0]).toMatch(/thời hạn "3 tuần"/);
  });

  it('refuses a call of more than 200 lines and an effective date in the past', async () => {
    const lines = Array.from({ length: 201 }, (_, k) => ({ line: k + 2, cells: cellsFrom(goodLine(k + 1)) }));
    const tooMany = await api.post('/v1/admin/catalog/imports', {
      ...admin,
      body: { kind: 'procedures', rows: lines },
    });
    expect(tooMany.status).toBe(400);
    const past = await api.post('/v1/admin/catalog/imports', {
      ...admin,
      body: { kind: 'procedures', effectiveFrom: '2020-01-01', rows: lines.slice(0, 1) },
    });
    expect(past.status).toBe(422);
    const citizen = await api.post('/v1/admin/catalog/imports', {
      baseUrl: cloud.baseUrl,
      token: cloud.tokens['tiepnhan.tinh'],
      body: { kind: 'procedures', rows: lines.slice(0, 1) },
    });
    expect(citizen.status).toBe(403);
  });
});

/** A line's cells by key, as the CLI makes them from the sheet. */
function cellsFrom(values: string[]): Record<string, string> {
  const keys = [
    'code',
    'name',
    'field',
    'level',
    'agency',
    'time',
    'fee',
    'documents',
    'online',
    'effectiveFrom',
  ];
  return Object.fromEntries(keys.flatMap((k, i) => (values[i] ? [[k, values[i]!]] : [])));
}
