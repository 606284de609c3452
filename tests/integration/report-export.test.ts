/**
 * Issue 12 §4–5 through HTTP, on a cloud of its own with its clock in 2028 (no other test's
 * dossiers there): thirty dossiers received, some returned, some refused, some left pending, at a
 * province-level agency and at a commune. Then
 *  - the XLSX export read back with exceljs: the header names the province and the period in
 *    dd/mm/yyyy, every total row is the sum of its agency rows, every agency row the sum of its
 *    fields, and the two level sheets together equal `GET /v1/reports`' totals;
 *  - the monthly summary per agency (JSON) and its sheet agree;
 *  - the report pages by cursor to the same rows;
 *  - the service index uses the entered inputs with their source;
 *  - an auditor reads reports but enters nothing; a leader exports only their agency; another
 *    tenant's admin sees none of these figures.
 */
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS } from '../../shared/domain/reports';
import { FIRST_DATA_ROW, MONTH_SHEET } from '../../shared/usecases/report-workbook';
import { cloudSteps } from './helpers/cloud-steps';
import { api, type ApiResponse } from './helpers/api';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';

const vn = (local: string) => `${local}+07:00`;
let cloud: CloudHandle;
const { as, setClock, actOk } = cloudSteps(() => cloud);
const tokenAs = (token: string) => ({ token, baseUrl: cloud.baseUrl });

async function receive(procedureCode: string): Promise<string> {
  const res = await api.post('/v1/dossiers', {
    ...as('tiepnhan.binhthanh'),
    body: {
      procedureCode,
      channel: 'counter',
      applicant: {
        name: 'Trần Văn Bình',
        idNumber: '001077000555',
        phone: '0977000555',
        address: 'Xã Bình Thành',
      },
      request: 'Hồ sơ kiểm thử xuất báo cáo',
      decision: { outcome: 'accept' },
    },
  });
  if (res.status !== 201)
    throw new Error(`receive ${procedureCode}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.code;
}

async function toResult(code: string) {
  await actOk('tiepnhan.binhthanh', code, { action: 'forward' });
  await actOk('chuyenvien.datdai', code, { action: 'forward' });
  await actOk('chuyenvien.thue', code, { action: 'forward' });
  await actOk('lanhdao.datdai', code, { action: 'approve' });
  await actOk('lanhdao.datdai', code, { action: 'sign' });
  await actOk('lanhdao.datdai', code, { action: 'forward' });
  await actOk('tiepnhan.binhthanh', code, { action: 'markResultReady', kind: 'paper' });
  await actOk('tiepnhan.binhthanh', code, { action: 'returnResult', method: 'counter' });
}

const YEAR_QUERY = 'period=year&from=2028&to=2028';
const EXPECTED = { received: 30, receivedCounter: 30, resolvedEarly: 4, refused: 7, pending: 19 };
let report: ApiResponse;
let auditor: string;
let otherAdmin: string;

beforeAll(async () => {
  cloud = await startCloudProcess({ env: { MOTCUA_CLOCK_NOW: vn('2028-03-01T08:00:00') } });
  const admin = cloud.tokens['quantri'];
  auditor = await signWithIssuerKey(
    claimsLike(admin, { 'custom:roles': 'auditor', 'cognito:username': 'kiemtoan' }),
    cloud.dataDir,
  );
  otherAdmin = await signWithIssuerKey(claimsLike(admin, { 'custom:tenant': 'tinh-khac' }), cloud.dataDir);

  await setClock(vn('2028-03-01T08:00:00'));
  const land: string[] = [];
  for (let i = 0; i < 20; i++) land.push(await receive('1.004227'));
  const commune: string[] = [];
  for (let i = 0; i < 10; i++) commune.push(await receive('2.000815'));
  await setClock(vn('2028-03-01T09:00:00'));
  for (const code of land.slice(0, 4)) await toResult(code);
  for (const code of [...land.slice(4, 8), ...commune.slice(0, 3)])
    await actOk('lanhdao.binhthanh', code, { action: 'refuse', reason: 'Không đủ điều kiện' });

  // The counters are asynchronous: wait until the year's totals are these.
  const deadline = Date.now() + 60_000;
  for (;;) {
    report = await api.get(`/v1/reports?${YEAR_QUERY}`, as('quantri'));
    expect(report.status).toBe(200);
    const totals = report.body.totals[0]?.figures ?? {};
    if (Object.entries(EXPECTED).every(([k, v]) => totals[k] === v)) break;
    if (Date.now() > deadline) throw new Error(`report totals ${JSON.stringify(totals)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}, 300_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

async function workbookOf(res: ApiResponse): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-tthc-.*\.xlsx"$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

interface SheetRow {
  stt: string;
  label: string;
  values: number[];
}
function dataRows(ws: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push({
      stt: String(row.getCell(1).value ?? ''),
      label: String(row.getCell(2).value),
      values: EXPORT_COLUMNS.map((_, i) => Number(row.getCell(3 + i).value)),
    });
  }
  return rows;
}
const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
const zeros = () => EXPORT_COLUMNS.map(() => 0);

describe('report export (XLSX) and service index', () => {
  it('the XLSX has one sheet per level with sums that hold and equal the JSON report', async () => {
    const wb = await workbookOf(await api.get(`/v1/reports/export?${YEAR_QUERY}`, as('quantri')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cấp tỉnh', 'Cấp xã', MONTH_SHEET]);
    const province = wb.getWorksheet('Cấp tỉnh')!;
    expect(province.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH DEMO');
    expect(province.getCell('A2').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(String(province.getCell('A3').value)).toContain('từ ngày 01/01/2028 đến ngày 31/12/2028');
    expect(province.getCell('A4').value).toBe('Ngày lập: 01/03/2028');
    expect([
      province.getCell('C6').value,
      province.getCell('E6').value,
      province.getCell('F7').value,
    ]).toEqual(['Tổng số hồ sơ', 'Tiếp nhận trong kỳ', 'Trực tuyến']);

    let both = zeros();
    for (const name of ['Cấp tỉnh', 'Cấp xã']) {
      const rows = dataRows(wb.getWorksheet(name)!);
      const total = rows.at(-1)!;
      expect(total.label).toBe('Tổng cộng');
      const agencies = rows.filter((r) => /^\d+$/.test(r.stt));
      expect(agencies.length).toBeGreaterThan(0);
      expect(total.values).toEqual(agencies.reduce((s, r) => add(s, r.values), zeros()));
      for (const a of agencies) {
        const fields = rows.filter((r) => r.stt.startsWith(`${a.stt}.`));
        expect(a.values).toEqual(fields.reduce((s, r) => add(s, r.values), zeros()));
      }
      both = add(both, total.values);
    }
    const json = report.body.totals[0].figures;
    expect(both).toEqual(EXPORT_COLUMNS.map((c) => c.value(json)));
    // The commune's dossiers are on the commune sheet, the land office's on the province sheet.
    expect(dataRows(wb.getWorksheet('Cấp xã')!)[0]).toMatchObject({ label: 'UBND xã Bình Thành' });
    expect(dataRows(wb.getWorksheet('Cấp xã')!).at(-1)!.values.slice(2, 3)).toEqual([10]);
    expect(dataRows(wb.getWorksheet('Cấp tỉnh')!).at(-1)!.values.slice(2, 3)).toEqual([20]);
  }, 60_000);

  it('the monthly summary per agency (JSON) matches its sheet', async () => {
    const res = await api.get('/v1/reports/agencies?month=2028-03', as('quantri'));
    expect(res.status).toBe(200);
    const byAgency = Object.fromEntries(res.body.items.map((i: { agency: string }) => [i.agency, i]));
    expect(byAgency['000.08.21.H99']).toMatchObject({ received: 20, resolved: 4, onTimePercent: 100 });
    expect(byAgency['000.30.01.H99']).toMatchObject({ received: 10, resolved: 0, onTimePercent: null });
    const wb = await workbookOf(await api.get(`/v1/reports/export?${YEAR_QUERY}`, as('quantri')));
    const ws = wb.getWorksheet(MONTH_SHEET)!;
    const sheetRows = [];
    for (let r = 7; r <= ws.rowCount; r++)
      sheetRows.push([
        ws.getRow(r).getCell(2).value,
        ws.getRow(r).getCell(3).value,
        ws.getRow(r).getCell(4).value,
      ]);
    expect(sheetRows).toEqual(
      res.body.items.map((i: { name: string; received: number }) => [i.name, '03/2028', i.received]),
    );
  }, 60_000);

  it('the report pages by cursor to the same rows', async () => {
    const all = report.body.items;
    expect(all.length).toBeGreaterThan(1);
    const paged = [];
    let cursor: string | undefined;
    do {
      const res = await api.get(
        `/v1/reports?${YEAR_QUERY}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        as('quantri'),
      );
      expect(res.status).toBe(200);
      expect(res.body.totals).toEqual(report.body.totals);
      paged.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    const forged = await api.get(
      `/v1/reports?${YEAR_QUERY}&cursor=eyJsIjoic3RhZmYiLCJhIjoiMSJ9`,
      as('quantri'),
    );
    expect(forged.status).toBe(400);
  }, 60_000);

  it('the service index uses the entered inputs and names their source', async () => {
    const put = await api.put('/v1/reports/service-index/inputs', {
      ...as('quantri'),
      body: {
        period: 'year',
        from: '2028',
        inputs: { paymentsDue: 20, paymentsOnline: 5, proceduresPublished: 5 },
        source: { documentRef: 'Báo cáo số 12/BC-VP ngày 01/03/2028' },
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.source).toMatchObject({
      enteredBy: 'quantri',
      documentRef: 'Báo cáo số 12/BC-VP ngày 01/03/2028',
    });
    const res = await api.get('/v1/reports/service-index?period=year&from=2028', tokenAs(auditor));
    expect(res.status).toBe(200);
    expect(res.body.figures).toEqual(report.body.totals[0].figures);
    expect(res.body.inputs.source.documentRef).toBe('Báo cáo số 12/BC-VP ngày 01/03/2028');
    const indicators = Object.fromEntries(
      res.body.groups
        .flatMap((g: { indicators: Array<{ key: string }> }) => g.indicators)
        .map((i: { key: string }) => [i.key, i]),
    );
    expect(indicators.paidOnline).toMatchObject({ ratio: 0.25, points: 2.5, missing: [] });
    expect(indicators.resolvedOnTime).toMatchObject({ ratio: 1, points: 12 });
    expect(indicators.resultsDigitised).toMatchObject({ points: 0, missing: ['resultsDigitised'] });
    expect(indicators.satisfied).toMatchObject({ points: 0, missing: ['evaluations'] });
    expect(res.body.groups.map((g: { max: number }) => g.max)).toEqual([18, 20, 12, 10, 22, 18]);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.total).toBeLessThanOrEqual(100);
  }, 60_000);

  it('an auditor reads reports but enters nothing; a leader exports only their agency', async () => {
    expect((await api.get(`/v1/reports?${YEAR_QUERY}`, tokenAs(auditor))).status).toBe(200);
    expect((await api.get('/v1/reports/agencies?month=2028-03', tokenAs(auditor))).status).toBe(200);
    await workbookOf(await api.get(`/v1/reports/export?${YEAR_QUERY}`, tokenAs(auditor)));
    const put = await api.put('/v1/reports/service-index/inputs', {
      ...tokenAs(auditor),
      body: { period: 'year', from: '2028', inputs: {}, source: { documentRef: 'x' } },
    });
    expect(put.status).toBe(403);
    expect(
      (await api.get(`/v1/reports/export?${YEAR_QUERY}&agency=000.08.21.H99`, as('lanhdao.binhthanh')))
        .status,
    ).toBe(403);
    const own = await workbookOf(await api.get(`/v1/reports/export?${YEAR_QUERY}`, as('lanhdao.binhthanh')));
    expect(dataRows(own.getWorksheet('Cấp tỉnh')!).map((r) => r.label)).toEqual(['Tổng cộng']);
    expect(dataRows(own.getWorksheet('Cấp xã')!).at(-1)!.values[2]).toBe(10);
  }, 60_000);

  it('another tenant’s admin gets none of these figures', async () => {
    const other = await api.get(`/v1/reports?${YEAR_QUERY}`, tokenAs(otherAdmin));
    if (other.status === 200) expect(other.body.items).toEqual([]);
    else expect([403, 404]).toContain(other.status);
    const exported = await api.get(`/v1/reports/export?${YEAR_QUERY}`, tokenAs(otherAdmin));
    expect([403, 404]).toContain(exported.status);
    const months = await api.get('/v1/reports/agencies?month=2028-03', tokenAs(otherAdmin));
    if (months.status === 200) expect(months.body.items).toEqual([]);
    else expect([403, 404]).toContain(months.status);
  }, 60_000);
});
