/**
 * Printable forms through HTTP against the shared offline cloud (issue 13 §1): a demo land transfer
 * is received and processed by the demo staff — a supplement pause, an apology, the result handed
 * over — and each form, fetched once it applies, is an A4 PDF whose text (pdftotext) carries the
 * dossier's real data and whose QR code opens the tracking page of this very cloud. A form that
 * does not apply yet is a 409 problem; someone with no part in the dossier gets 404, the applicant
 * gets their receipt and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { calendarForTenant } from '../../shared/usecases/tenant-calendar';
import { demoTenant } from '../fixtures/demo-province';
import { pagesAsPng, pdfText, readQr } from '../fixtures/forms/pdf-tools';
import { api, baseUrl, newCitizenToken, type ApiResponse } from './helpers/api';
import { LAND_TRANSFER_APPLICANT, acceptedLandTransfer } from './helpers/dossiers';

const calendar = calendarForTenant(demoTenant);
const PROBLEM = /^application\/problem\+json/;

async function act(user: string, code: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/dossiers/${code}`, { as: user });
  const res = await api.post(`/v1/dossiers/${code}/actions`, {
    as: user,
    body: { ...action, expectedVersion: current.body.version },
  });
  if (res.status !== 200)
    throw new Error(`${String(action.action)} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const form = (code: string, file: string, as = 'tiepnhan.binhthanh', token?: string) =>
  api.get<Buffer>(`/v1/dossiers/${code}/forms/${file}`, token ? { token } : { as });

/** The PDF's text, wrapped lines joined, after checking it is a PDF answered as one. */
function textOf(res: ApiResponse<Buffer>): string {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(res.body).replace(/\s+/g, ' ');
}

/** `08 giờ 45 phút, ngày 01/12/2026`, as the forms write an instant of the API. */
const vnText = (iso: string) => {
  const [date, time] = iso.slice(0, 16).split('T') as [string, string];
  const [y, m, d] = date.split('-');
  const [hh, mm] = time.split(':');
  return `${hh} giờ ${mm} phút, ngày ${d}/${m}/${y}`;
};

describe('printable forms (integration)', () => {
  let code: string;
  let received: { receivedAt: string; appointmentAt: string };

  beforeAll(async () => {
    code = (await acceptedLandTransfer()).code;
    received = (await api.get(`/v1/dossiers/${code}`, { as: 'tiepnhan.binhthanh' })).body;
  });

  it('01: the receipt carries the dossier as received, and its QR opens this cloud’s tracking page', async () => {
    const res = await form(code, '01.pdf');
    const text = textOf(res);
    expect(res.headers['content-disposition']).toBe(`inline; filename="${code}-mau-01.pdf"`);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BỘ PHẬN MỘT CỬA',
      // The counter's identity comes from the tenant settings (demo province, `forms.counters`).
      'Điện thoại: 0299 3812 345',
      code,
      LAND_TRANSFER_APPLICANT.name,
      LAND_TRANSFER_APPLICANT.idNumber,
      'Đăng ký biến động do chuyển nhượng',
      vnText(received.receivedAt),
      vnText(received.appointmentAt),
    ])
      expect(text).toContain(expected);
    const [corner] = pagesAsPng(res.body, 150, { x: 0, y: 0.75, width: 0.5, height: 0.25 });
    expect(readQr(corner as Buffer)).toBe(`${baseUrl()}/v1/public/demo/dossiers/${code}`);
    // The same dossier, unchanged, gives the same bytes.
    expect((await form(code, '01.pdf')).body.equals(res.body)).toBe(true);
  });

  it('a form the dossier has not reached is a 409 problem naming why', async () => {
    for (const file of ['02.pdf', '03.pdf', '04.pdf', 'ban-giao.pdf']) {
      const res = await form(code, file);
      expect([file, res.status]).toEqual([file, 409]);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ errors: [{ field: 'params.form', rule: 'form-not-applicable' }] });
    }
  });

  it('staff of an agency with no part in the dossier get 404; an unknown form file is a 400', async () => {
    expect((await form(code, '01.pdf', 'chuyenvien.tuphap')).status).toBe(404);
    expect((await form(code, '07.pdf')).status).toBe(400);
  });

  it('02, 05, 04, 06 and the hand-over record follow the processing with its real data', async () => {
    await act('tiepnhan.binhthanh', code, { action: 'forward' });
    await act('chuyenvien.datdai', code, {
      action: 'requestSupplement',
      reason: 'Hợp đồng thiếu trang 3',
      items: [{ document: 'Hợp đồng chuyển nhượng có công chứng', reason: 'Thiếu trang 3 đã công chứng' }],
    });
    const supplement = textOf(await form(code, '02.pdf', 'chuyenvien.datdai'));
    expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(supplement).toContain('Thiếu trang 3 đã công chứng');
    expect(supplement).toContain('VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI');
    expect(textOf(await form(code, '05.pdf'))).toContain('THÔNG BÁO VỀ VIỆC TẠM DỪNG GIẢI QUYẾT HỒ SƠ');

    await act('tiepnhan.binhthanh', code, { action: 'receiveSupplement', note: 'Đã nhận trang 3' });
    await act('chuyenvien.datdai', code, { action: 'forward' });
    await act('chuyenvien.thue', code, { action: 'forward' });
    const before = (await api.get(`/v1/dossiers/${code}`, { as: 'lanhdao.datdai' })).body;
    const newAppointmentAt = calendar.addWorkingDays(new Date(before.appointmentAt), 2).toISOString();
    const apologized = await act('lanhdao.datdai', code, {
      action: 'apologize',
      reason: 'Chờ kết quả đo đạc lại thửa đất',
      newAppointmentAt,
    });
    const apology = textOf(await form(code, '04.pdf', 'lanhdao.datdai'));
    expect(apology).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology).toContain('Chờ kết quả đo đạc lại thửa đất');
    expect(apology).toContain(vnText(apologized.apology.newAppointmentAt));

    await act('lanhdao.datdai', code, { action: 'approve' });
    await act('lanhdao.datdai', code, { action: 'sign' });
    await act('lanhdao.datdai', code, { action: 'forward' });
    await act('tiepnhan.binhthanh', code, {
      action: 'markResultReady',
      kind: 'paper',
      documentNumber: 'GCN-125',
    });
    const returned = await act('tiepnhan.binhthanh', code, {
      action: 'returnResult',
      method: 'post',
      trackingNumber: 'EB123456789VN',
    });
    expect(returned.status).toBe('returned');

    const handover = textOf(await form(code, 'ban-giao.pdf'));
    expect(handover).toContain('BIÊN BẢN BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(handover).toContain('số GCN-125');
    expect(handover).toContain('EB123456789VN');

    // The control sheet: one row per hand-off, from the counter to the land office to the applicant.
    const sheet = textOf(await form(code, '06.pdf', 'quantri'));
    expect(sheet).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(sheet).toContain('Giao: UBND xã Bình Thành');
    expect(sheet).toContain('Nhận: Văn phòng Đăng ký đất đai');
    expect(sheet).toContain('Nhận: Người nộp hồ sơ');
    expect(sheet).toMatch(/\d\d:\d\d \d\d\/\d\d\/\d{4}/);
  });

  it('the applicant’s citizen token gets the receipt (01) only; another citizen gets 404', async () => {
    const id = `0010990${String(Date.now()).slice(-5)}`;
    const applicant = await newCitizenToken(id, 'Lê Thị Thu Hà');
    const submitted = await api.post('/v1/dossiers', {
      token: applicant,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
        applicant: { name: 'Lê Thị Thu Hà', idNumber: id, phone: '0987000111', address: 'Hà Nội' },
      },
    });
    expect(submitted.status).toBe(201);
    const online = submitted.body.code as string;
    // Not received yet: no receipt.
    expect((await form(online, '01.pdf', '', applicant)).status).toBe(409);
    const accepted = await api.post(`/v1/dossiers/${online}/reception-decision`, {
      as: 'tiepnhan.tinh',
      body: { outcome: 'accept', expectedVersion: submitted.body.version },
    });
    expect(accepted.status).toBe(200);

    const receipt = textOf(await form(online, '01.pdf', '', applicant));
    expect(receipt).toContain('Lê Thị Thu Hà');
    expect(receipt).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect((await form(online, '06.pdf', '', applicant)).status).toBe(403);
    const stranger = await newCitizenToken(`cccd-${randomUUID()}`, 'Người Khác');
    expect((await form(online, '01.pdf', '', stranger)).status).toBe(404);
  });
});
